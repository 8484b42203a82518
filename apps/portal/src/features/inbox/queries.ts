import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useAnnouncer } from '../../components/Announcer';
import { api, unwrap } from '../../lib/api/client';
import { isApiError } from '../../lib/api/problem';
import { useTranslation } from '../../lib/i18n/i18n';
import { markReadIn, type InboxData } from './notifications';

/**
 * Every key sits under ['notifications', ...]: the tab's live connection invalidates that
 * prefix on each arrival, which is what puts a new notification at the top of the list.
 */
const LISTS = ['notifications', 'list'] as const;
export const inboxKeys = {
  list: (unreadOnly: boolean) => [...LISTS, { unreadOnly }] as const,
  /** The same key (and answer) as the count in the main navigation. */
  count: ['notifications', 'unread-count'] as const,
};

export const PAGE_SIZE = 50;

const inboxQuery = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: inboxKeys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/notifications', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(unreadOnly ? { unread: 'true' as const } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const countQuery = queryOptions({
  queryKey: inboxKeys.count,
  queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
});

export function useInbox(unreadOnly: boolean) {
  return useInfiniteQuery({
    ...inboxQuery(unreadOnly),
    // Switching the filter keeps the old list on screen until the new one is there.
    placeholderData: keepPreviousData,
  });
}

export function useUnreadCount() {
  return useQuery(countQuery);
}

/** The inbox opened by its address: its first page and the count, as soon as the session is back. */
export function prefetchInbox(client: QueryClient, unreadOnly: boolean): Promise<unknown> {
  return Promise.all([
    client.prefetchInfiniteQuery(inboxQuery(unreadOnly)),
    client.prefetchQuery(countQuery),
  ]);
}

/** Shows the change at once in every cached list and in the count; the server confirms after. */
function markLocally(client: QueryClient, which: ReadonlySet<string> | 'all'): void {
  const now = new Date().toISOString();
  for (const [key] of client.getQueriesData<InboxData>({ queryKey: LISTS })) {
    const unreadOnly = (key[2] as { unreadOnly?: boolean } | undefined)?.unreadOnly === true;
    client.setQueryData<InboxData>(key, (data) => markReadIn(data, which, now, unreadOnly));
  }
  client.setQueryData<{ count: number }>(inboxKeys.count, (data) =>
    data ? { count: which === 'all' ? 0 : Math.max(0, data.count - which.size) } : data,
  );
}

function useReadMutation<T>(
  send: (arg: T) => Promise<unknown>,
  which: (arg: T) => Set<string> | 'all',
) {
  const client = useQueryClient();
  const { toast } = useAnnouncer();
  const { t } = useTranslation('inbox');
  return useMutation({
    mutationFn: send,
    onMutate: (arg: T) => markLocally(client, which(arg)),
    onError: (error) => {
      // 404: the notification went away (e.g. its report is no longer shared): nothing to say.
      if (!isApiError(error, 404)) toast(t('markFailed'), 'error');
    },
    // The lists and the count are read again either way, so the screen ends up as the server is.
    onSettled: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkRead() {
  return useReadMutation(
    (id: string) =>
      unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    (id) => new Set([id]),
  );
}

export function useMarkAllRead() {
  return useReadMutation(
    () => unwrap(api.POST('/api/v1/notifications/read-all')),
    () => 'all',
  );
}
