import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/problem';

/** Server state: a 4xx is an answer, not a glitch, so only other failures are retried. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
}
