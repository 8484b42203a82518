import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';
import { isApiError } from '../../lib/api/problem';

export type Person = Schemas['PersonDto'];

/** GET /people takes at most this many ids; beyond them the banner counts the rest. */
const MAX_IDS = 200;

/**
 * Names the RED recipients (GET /api/v1/people?ids=). A server without the people
 * directory answers 404: then there are no names, and the banner says how many people
 * instead. Suspended and unknown ids are left out of the answer, and counted the same way.
 */
export function usePeople(ids: readonly string[]) {
  const sorted = [...ids].sort().slice(0, MAX_IDS);
  return useQuery({
    queryKey: ['people', sorted],
    enabled: sorted.length > 0,
    retry: false,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Person[] | null> => {
      try {
        const page = await unwrap(
          api.GET('/api/v1/people', { params: { query: { ids: sorted.join(',') } } }),
        );
        return page.items;
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
  });
}
