import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { LiveHint } from './LiveHint';
import { NotificationItem } from './NotificationItem';
import { itemsOf, unreadOnlyOf, withUnreadOnly } from './notifications';
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from './queries';
import { useListFocus } from './useListFocus';
import './inbox.css';

/**
 * The inbox: newest first, live (the tab's stream invalidates these queries, so arrivals
 * appear at the top), filterable to unread ones, paged with "Load more".
 */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = unreadOnlyOf(params);
  // The router applies a new address in a transition: the box shows the click at once,
  // and follows the address (back, forward) otherwise.
  const [boxChecked, setBoxChecked] = useState(unreadOnly);
  useEffect(() => setBoxChecked(unreadOnly), [unreadOnly]);
  const inbox = useInbox(unreadOnly);
  const count = useUnreadCount().data?.count;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = useMemo(() => itemsOf(inbox.data), [inbox.data]);
  const ids = useMemo(() => items.map((n) => n.id), [items]);
  const list = useRef<HTMLUListElement>(null);
  const focus = useListFocus(list, ids);
  const nothingUnread = count === 0;

  const loadMore = async () => {
    const before = items.length;
    await inbox.fetchNextPage();
    focus.focusIndexNext(before);
  };

  return (
    <>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <div className="inbox-toolbar">
        <p className="inbox-count">
          {count === undefined ? '\u00a0' : t('unreadSummary', { count })}
        </p>
        <label className="choice">
          <input
            type="checkbox"
            checked={boxChecked}
            onChange={(event) => {
              setBoxChecked(event.target.checked);
              setParams(withUnreadOnly(params, event.target.checked));
            }}
          />
          {t('filterUnread')}
        </label>
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={nothingUnread || markAll.isPending}
          onClick={() => {
            if (!nothingUnread && !markAll.isPending) markAll.mutate();
          }}
        >
          {t('markAllRead')}
        </button>
      </div>
      <LiveHint />
      {inbox.isPending ? (
        <p className="loading" role="status">
          {tc('loading')}
        </p>
      ) : inbox.isError && items.length === 0 ? (
        <div className="alert" role="alert">
          <p>{t('loadFailed')}</p>
          <button type="button" className="button" onClick={() => void inbox.refetch()}>
            {tc('retry')}
          </button>
        </div>
      ) : items.length === 0 ? (
        <div className="inbox-empty">
          <p>{unreadOnly ? t('emptyUnread') : t('empty')}</p>
          {unreadOnly ? (
            <p>
              <Link to={{ search: withUnreadOnly(params, false).toString() }}>{t('showAll')}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <ul ref={list} className="inbox-list" aria-label={t('listLabel')} onFocus={focus.onFocus}>
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} onRead={(id) => markRead.mutate(id)} />
          ))}
        </ul>
      )}
      {inbox.isFetchNextPageError ? (
        <p className="alert" role="alert">
          {t('loadMoreFailed')}
        </p>
      ) : null}
      {inbox.hasNextPage && items.length > 0 ? (
        <p className="inbox-more">
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={inbox.isFetchingNextPage}
            onClick={() => {
              if (!inbox.isFetchingNextPage) void loadMore();
            }}
          >
            {inbox.isFetchingNextPage ? tc('loading') : tc('loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
