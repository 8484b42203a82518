import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { auditFiltersToQuery, type AuditFilters } from './filters';

export const AUDIT_PAGE_SIZE = 50;

/** Cursor paging over GET /api/v1/audit-events, newest first; "Load more" asks for the next page. */
export function useAuditEvents(filters: AuditFilters) {
  const query = auditFiltersToQuery(filters);
  return useInfiniteQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit-events', {
          params: { query: { ...query, limit: AUDIT_PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * A verification is an action the auditor takes (and may repeat), not cached state. The
 * portal asks for a full run, from the first event, so that its sentence ("entries 1 to n
 * verified") holds whatever earlier runs found.
 */
export function useVerifyChain() {
  return useMutation({
    mutationFn: () =>
      unwrap(api.GET('/api/v1/audit-events/verify', { params: { query: { full: 'true' } } })),
  });
}
