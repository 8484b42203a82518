import { useQuery } from '@tanstack/react-query';
import { api, authFetch, unwrap } from '../../lib/api/client';
import { problemFrom } from '../../lib/api/problem';

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

export interface Person {
  id: string;
  displayName: string;
  memberCode: string;
  teams?: Array<{ teamId: string; teamName: string }>;
}

/**
 * GET /api/v1/people (`q` to search, `ids` to name known recipients). Through authFetch
 * because the generated client does not know the path yet.
 */
async function people(query: string): Promise<Person[]> {
  const response = await authFetch(
    new Request(`/api/v1/people?${query}`, { headers: { accept: 'application/json' } }),
  );
  if (!response.ok) throw await problemFrom(response);
  const page = (await response.json()) as { items?: Person[] };
  return Array.isArray(page.items) ? page.items : [];
}

export function usePeopleSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['people', 'search', q],
    queryFn: () => people(new URLSearchParams({ q, limit: '20' }).toString()),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** Names the recipients a stored RED report already has. */
export function usePeopleByIds(ids: readonly string[]) {
  const sorted = [...ids].sort();
  return useQuery({
    queryKey: ['people', 'ids', sorted],
    queryFn: () => people(`ids=${sorted.map(encodeURIComponent).join(',')}`),
    enabled: sorted.length > 0,
    staleTime: 5 * 60_000,
  });
}
