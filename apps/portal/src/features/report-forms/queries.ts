import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

/** Reference lists change rarely: fetched once a session, shared by every form. */
const REFERENCE = { staleTime: 10 * 60_000 } as const;

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => unwrap(api.GET('/api/v1/teams')),
    ...REFERENCE,
  });
}

export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => unwrap(api.GET('/api/v1/members')),
    ...REFERENCE,
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: ['report', id],
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
  });
}

export type Person = Schemas['PersonDto'];

export function usePeopleSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['people', 'search', q],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { q, limit: 20 } } })),
    select: (page) => page.items,
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** Names the recipients a stored RED report already has (GET /people?ids=). */
export function usePeopleByIds(ids: readonly string[]) {
  const sorted = [...ids].sort();
  return useQuery({
    queryKey: ['people', 'ids', sorted],
    queryFn: () =>
      unwrap(api.GET('/api/v1/people', { params: { query: { ids: sorted.join(',') } } })),
    select: (page) => page.items,
    enabled: sorted.length > 0,
    staleTime: 5 * 60_000,
  });
}
