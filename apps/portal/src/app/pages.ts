import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { prefetchInbox, unreadOnlyOf } from '../features/inbox';
// Not through the feature's index: the queries are small and come with the first page, so
// that a report's requests need not wait for the report view's code.
import { prefetchReport } from '../features/reports/queries';
import { i18n } from '../lib/i18n/i18n';
import { meQuery } from '../lib/session/hooks';
import { session } from '../lib/session/session';

/** The screens past the first page: each is a chunk of its own, loaded when opened. */
export const chunks = {
  reports: () => import('../features/reports'),
  reportForms: () => import('../features/report-forms'),
  statistics: () => import('../features/statistics'),
  training: () => import('../features/training'),
  subscriptions: () => import('../features/subscriptions'),
  audit: () => import('../features/audit'),
  account: () => import('../features/account'),
  review: () => import('../features/review'),
  team: () => import('../features/team'),
  admin: () => import('../features/admin'),
};

interface PagePreload {
  path: string;
  chunk?: keyof typeof chunks;
  /** The catalogues the page reads, its own and those it quotes (`reports:key`). */
  namespaces: readonly string[];
  /** The page's first requests, made once the session is back. */
  data?: (
    client: QueryClient,
    params: Record<string, string | undefined>,
    search: URLSearchParams,
  ) => Promise<unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** In the order the router would match them (a fixed segment before a parameter). */
const PAGES: readonly PagePreload[] = [
  {
    path: '/inbox',
    namespaces: ['inbox'],
    data: (client, _params, search) => prefetchInbox(client, unreadOnlyOf(search)),
  },
  { path: '/reports/new', chunk: 'reportForms', namespaces: ['reportForms', 'reports'] },
  { path: '/reports/:id/edit', chunk: 'reportForms', namespaces: ['reportForms', 'reports'] },
  {
    path: '/reports/:id',
    chunk: 'reports',
    namespaces: ['reports'],
    data: async (client, { id }) => {
      if (!id || !UUID.test(id)) return; // the Not found page asks for nothing
      await prefetchReport(client, id.toLowerCase());
    },
  },
  { path: '/reports', chunk: 'reports', namespaces: ['reports'] },
  { path: '/review', chunk: 'review', namespaces: ['review', 'reports'] },
  { path: '/statistics', chunk: 'statistics', namespaces: ['statistics'] },
  { path: '/training', chunk: 'training', namespaces: ['training'] },
  { path: '/subscriptions', chunk: 'subscriptions', namespaces: ['subscriptions'] },
  { path: '/account', chunk: 'account', namespaces: ['account', 'auth'] },
  { path: '/team', chunk: 'team', namespaces: ['team'] },
  { path: '/administration', chunk: 'admin', namespaces: ['admin'] },
  { path: '/audit', chunk: 'audit', namespaces: ['audit'] },
];

/** Runs `work` once the session is known to be signed in (at once if it is already). */
function whenSignedIn(work: () => void): void {
  const now = session.getSnapshot().status;
  if (now === 'signed-in') return work();
  if (now === 'signed-out') return;
  // Registered before the first render, so this runs before React re-renders for the
  // new session: the requests go out first.
  const stop = session.subscribe(() => {
    const { status } = session.getSnapshot();
    if (status === 'unknown') return;
    stop();
    if (status === 'signed-in') work();
  });
}

/**
 * A page opened by its address (a reload, a link in an e-mail) would otherwise load in
 * steps, each waiting for the one before: the session, then the page's code, then its
 * catalogue, then its data, then what the data names. Here the code and the catalogue
 * load while the session is restored, and the page's first requests (and GET /me, which
 * every signed-in page needs) go out together the moment it is back. Nothing here is
 * required: whatever fails or is missed, the page loads it itself as it renders.
 */
export function preloadPage(
  client: QueryClient,
  where: { pathname: string; search: string },
): void {
  const page = PAGES.map((candidate) => ({
    candidate,
    match: matchPath({ path: candidate.path, end: true }, where.pathname),
  })).find(({ match }) => match);
  const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);
  if (page?.candidate.chunk) quietly(chunks[page.candidate.chunk]());
  if (page) quietly(i18n.preload(page.candidate.namespaces));
  whenSignedIn(() => {
    quietly(client.prefetchQuery(meQuery));
    const data = page?.candidate.data;
    if (data) quietly(data(client, page.match?.params ?? {}, new URLSearchParams(where.search)));
  });
}
