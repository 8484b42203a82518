import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../lib/api/client';

/** The team's members, to name each report's author (leads may read their team's list). */
export function useAuthorNames(teamId: string) {
  const query = useQuery({
    queryKey: ['team-members', teamId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/teams/{teamId}/members', { params: { path: { teamId } } })),
    staleTime: 5 * 60_000,
  });
  const names = useMemo(
    () => new Map((query.data?.items ?? []).map((member) => [member.userId, member.displayName])),
    [query.data],
  );
  // While the names load, an author is not yet "a former member".
  return { names, isPending: query.isPending };
}
