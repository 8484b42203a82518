import { useQuery } from '@tanstack/react-query';
import { authFetch } from '../../lib/api/client';
import { problemFrom } from '../../lib/api/problem';

export interface Person {
  id: string;
  displayName: string;
  memberCode: string;
}

/**
 * Names the RED recipients. `GET /api/v1/people?ids=` is new in the contract and may not
 * be served yet: a 404 means "no directory", and the view says how many people instead.
 * Plain fetch (through authFetch) because the typed client does not know the path yet.
 */
export function usePeople(ids: readonly string[]) {
  const sorted = [...ids].sort();
  return useQuery({
    queryKey: ['people', sorted],
    enabled: sorted.length > 0,
    retry: false,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Person[] | null> => {
      const url = `/api/v1/people?ids=${sorted.map(encodeURIComponent).join(',')}`;
      const response = await authFetch(
        new Request(url, { headers: { accept: 'application/json' } }),
      );
      if (response.status === 404) return null;
      if (!response.ok) throw await problemFrom(response);
      const page = (await response.json()) as { items?: Person[] };
      return Array.isArray(page.items) ? page.items : null;
    },
  });
}
