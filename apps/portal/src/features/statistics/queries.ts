import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { INDICATORS } from './codes';
import { pickDefault } from './series-shape';
import type { SeriesFilters, SeriesQuery } from './series-view';

/** One series; the key is the query itself, so the default search fills the chosen one's cache. */
export function seriesOptions(query: SeriesQuery) {
  return queryOptions({
    queryKey: ['statistics', 'series', query] as const,
    queryFn: () => unwrap(api.GET('/api/v1/statistics/series', { params: { query } })),
    // Official figures change when a report is published or amended: rarely.
    staleTime: 60_000,
  });
}

export function useSeries(query: SeriesQuery | null) {
  return useQuery({
    ...seriesOptions(query ?? { indicator: INDICATORS[0], groupBy: 'month' }),
    enabled: query !== null,
  });
}

/**
 * The opening view when the address names no indicator: each of the nine indicators by
 * month, under the address's filters, asked at once (nine small sums the server answers
 * from its indexes); the one whose last month is latest wins. Its series is then already
 * in the cache for the page to show.
 */
export function useDefaultIndicator(filters: SeriesFilters, enabled: boolean) {
  return useQueries({
    queries: INDICATORS.map((indicator) => ({
      ...seriesOptions({ indicator, groupBy: 'month', ...filters }),
      enabled,
    })),
    combine: (results) => {
      const failed = results.find((r) => r.isError);
      const done = results.every((r) => r.isSuccess);
      return {
        isPending: !done && !failed,
        error: failed?.error ?? null,
        refetch: () => results.forEach((r) => void r.refetch()),
        indicator: done
          ? (pickDefault(
              results.map((r, i) => ({
                indicator: INDICATORS[i] ?? INDICATORS[0],
                series: r.data?.series ?? [],
              })),
            ) ?? INDICATORS[0])
          : null,
        anyFigures: done && results.some((r) => (r.data?.series.length ?? 0) > 0),
      };
    },
  });
}
