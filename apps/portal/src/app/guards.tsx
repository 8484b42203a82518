import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from '../lib/i18n/i18n';
import { abilitiesOf, useMe, useSession, type Abilities } from '../lib/session/hooks';
import { NotFoundPage } from '../features/not-found';

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** Signed-in pages: while the cookie is tried, wait; signed out, go to sign-in and come back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'unknown') return <Loading />;
  if (status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** A screen for some roles only: for anyone else it does not exist (the Not found page). */
export function RequireAbility({
  allow,
  children,
}: {
  allow: (abilities: Abilities) => boolean;
  children: ReactNode;
}) {
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  return allow(abilitiesOf(me)) ? <>{children}</> : <NotFoundPage />;
}
