import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

export type TaxiiKey = Schemas['TaxiiKeyDto'];
export type IssuedTaxiiKey = Schemas['IssuedTaxiiKeyDto'];

/** The server's bound on a label (one line, trimmed). */
export const MAX_LABEL_LENGTH = 100;

export const taxiiKeyKeys = {
  list: (teamId: string) => ['team', teamId, 'taxii-keys'] as const,
};

/** Where a TAXII client starts (TAXII 2.1 discovery), on this portal's own address. */
export const taxiiDiscoveryUrl = (origin: string) => `${origin}/taxii2/`;

/** The team's unrevoked keys, newest first; the server never answers a secret here. */
export function useTaxiiKeys(teamId: string) {
  return useQuery({
    queryKey: taxiiKeyKeys.list(teamId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/teams/{id}/taxii-keys', { params: { path: { id: teamId } } })),
    select: (list) => list.items,
  });
}

/**
 * Issues a key. The answer holds the secret: it goes to the caller's state alone, never
 * into the query cache (the list is read again instead).
 */
export function useIssueTaxiiKey(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) =>
      unwrap(
        api.POST('/api/v1/teams/{id}/taxii-keys', {
          params: { path: { id: teamId } },
          body: { label },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taxiiKeyKeys.list(teamId) }),
  });
}

export function useRevokeTaxiiKey(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(
        api.DELETE('/api/v1/teams/{id}/taxii-keys/{keyId}', {
          params: { path: { id: teamId, keyId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taxiiKeyKeys.list(teamId) }),
  });
}

/** A typed label: null when fine, else the catalogue key of the problem. */
export function labelProblem(label: string): string | null {
  const text = label.trim();
  if (!text) return 'taxii.labelRequired';
  if (text.length > MAX_LABEL_LENGTH) return 'taxii.labelLong';
  return null;
}
