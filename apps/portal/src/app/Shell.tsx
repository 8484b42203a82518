import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { api, unwrap } from '../lib/api/client';
import { useTranslation } from '../lib/i18n/i18n';
import { abilitiesOf, useMe } from '../lib/session/hooks';
import { session } from '../lib/session/session';
import { MovesFocus } from '../components/PageHeading';
import { LiveConnection } from './LiveConnection';

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;

function UnreadBadge() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const count = data?.count ?? 0;
  if (count === 0) return null;
  return (
    <span className="badge" data-testid="unread-count">
      {' '}
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">({t('nav.inboxUnread', { count })})</span>
    </span>
  );
}

/**
 * The signed-in frame: skip link first, header with the user and "Sign out", the main
 * navigation by role, and the main landmark that holds the page (and its one h1).
 */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const abilities = abilitiesOf(me);

  const link = (to: string, label: ReactNode) => (
    <li>
      <NavLink to={to} end={to === '/reports'}>
        {label}
      </NavLink>
    </li>
  );

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <LiveConnection />
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">RILON</span>
            <span className="brand-tagline">{t('appTagline')}</span>
          </p>
          <div className="user-box">
            {me ? (
              <NavLink to="/account" className="user-name">
                {me.displayName}
              </NavLink>
            ) : null}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void session.signOut()}
            >
              {t('signOut')}
            </button>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="main-nav">
          <ul>
            {link(
              '/inbox',
              <>
                {t('nav.inbox')}
                <UnreadBadge />
              </>,
            )}
            {link('/reports', t('nav.reports'))}
            {link('/reports/new', t('nav.newReport'))}
            {link('/statistics', t('nav.statistics'))}
            {link('/training', t('nav.training'))}
            {abilities.isLead ? link('/review', t('nav.review')) : null}
            {abilities.isLead ? link('/team', t('nav.team')) : null}
            {abilities.isAdmin ? link('/administration', t('nav.administration')) : null}
            {abilities.isAdmin || abilities.isAuditor ? link('/audit', t('nav.audit')) : null}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <MovesFocus value>{children}</MovesFocus>
      </main>
    </>
  );
}
