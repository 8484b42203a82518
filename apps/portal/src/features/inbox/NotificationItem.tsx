import { useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { EVENT_LABEL_KEYS, targetOf, type Notification } from './notifications';

interface Props {
  notification: Notification;
  onRead: (id: string) => void;
}

/**
 * One notification: a link to what it is about, named "<event>: <title>" so that a list of
 * links says what happened; unread and urgent are words, not colours only.
 */
export function NotificationItem({ notification: n, onRead }: Props) {
  const { t, i18n } = useTranslation('inbox');
  const link = useRef<HTMLAnchorElement>(null);
  const unread = n.readAt === null;
  const event = t(EVENT_LABEL_KEYS[n.event]);

  const open = (click: MouseEvent) => {
    // Marked read as it is opened (the request is sent before the route changes), a new tab too.
    if (unread && click.button <= 1) onRead(n.id);
  };

  const markRead = () => {
    onRead(n.id);
    // The button goes away with the unread state: keep the keyboard on this notification.
    link.current?.focus();
  };

  return (
    <li className="inbox-item" data-id={n.id} data-unread={unread ? 'true' : undefined}>
      <div className="inbox-item-main">
        <p className="inbox-meta">
          {unread ? <span className="tag tag-unread">{t('unread')}</span> : null}
          {n.urgent ? <span className="tag tag-urgent">{t('urgent')}</span> : null}
          {/* The link says the event to assistive technology; here it is for the eye. */}
          <span aria-hidden="true">{event}</span>
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
        </p>
        <Link ref={link} to={targetOf(n)} className="inbox-link" onClick={open} onAuxClick={open}>
          <span className="visually-hidden">{t('linkPrefix', { event })}</span>
          <span className="inbox-title" dir="auto">
            {n.title}
          </span>
        </Link>
      </div>
      {unread ? (
        <button
          type="button"
          className="button button-secondary inbox-mark"
          aria-label={t('markReadNamed', { title: n.title })}
          onClick={markRead}
        >
          {t('markRead')}
        </button>
      ) : null}
    </li>
  );
}
