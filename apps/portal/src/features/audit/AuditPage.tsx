import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useAnnouncer } from '../../components/Announcer';
import { PageHeading } from '../../components/PageHeading';
import { fieldErrorsOf } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { auditFiltersToParams, auditFiltersToQuery, parseAuditFilters } from './filters';
import { useAuditEvents } from './queries';
import { VerifyChain } from './VerifyChain';
import './audit.css';

/** /audit (administrators and auditors): the log with every filter in the address, and verification. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = parseAuditFilters(params);
  const list = useAuditEvents(filters);
  const { announce } = useAnnouncer();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Set by a search or "Load more": the answer to that request is announced (a first visit
  // is not); after "Load more", focus moves to the first new row so the place is kept.
  const pending = useRef<{ key: string; focusFrom: number | null } | null>(null);
  const [request, setRequest] = useState(0);
  const key = JSON.stringify(auditFiltersToQuery(filters));

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const settled = !list.isPending && !list.isFetching;

  useEffect(() => {
    const waiting = pending.current;
    if (!settled || !waiting || waiting.key !== key) return;
    // The click's own render comes before the next page is asked for: wait for the rows.
    const more = waiting.focusFrom;
    if (more !== null && rows.length <= more && list.hasNextPage && !list.isError) return;
    pending.current = null;
    if (list.isError) return;
    announce(t('list.announce', { count: rows.length, more: String(list.hasNextPage) }));
    if (more !== null) bodyRef.current?.querySelectorAll('tr')[more]?.focus();
  }, [settled, key, request, rows.length, list.hasNextPage, list.isError, announce, t]);

  // A 400 lands on the filter it names; anything else is said above the list.
  const fieldError = fieldErrorsOf(list.error).length > 0;

  return (
    <div className="audit-page">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lede">{t('lede')}</p>
      <VerifyChain />
      <h2>{t('filters.heading')}</h2>
      <AuditFilterForm
        key={location.key}
        filters={filters}
        listError={list.error}
        onApply={(next) => {
          pending.current = { key: JSON.stringify(auditFiltersToQuery(next)), focusFrom: null };
          setRequest((n) => n + 1);
          setParams(auditFiltersToParams(next));
        }}
      />
      <section aria-labelledby="audit-results-heading">
        <h2 id="audit-results-heading">{t('list.heading')}</h2>
        {list.isPending ? (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        ) : list.isError && !fieldError && rows.length === 0 ? (
          <div className="alert" role="alert">
            <p>{t('list.loadFailed')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void list.refetch()}
            >
              {t('common:retry')}
            </button>
          </div>
        ) : rows.length === 0 ? (
          <p className="notice">{t(fieldError ? 'list.refused' : 'list.empty')}</p>
        ) : (
          <>
            <p className="muted">
              {t('list.shown', { count: rows.length, more: String(list.hasNextPage) })}
            </p>
            <AuditTable events={rows} bodyRef={bodyRef} />
          </>
        )}
        {list.hasNextPage ? (
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={list.isFetchingNextPage || undefined}
            onClick={() => {
              if (list.isFetchingNextPage) return;
              pending.current = { key, focusFrom: rows.length };
              setRequest((n) => n + 1);
              void list.fetchNextPage();
            }}
          >
            {list.isFetchingNextPage ? t('common:loading') : t('common:loadMore')}
          </button>
        ) : null}
      </section>
    </div>
  );
}
