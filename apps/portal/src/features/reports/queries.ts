import { queryOptions, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../lib/api/client';
import { filtersToQuery, type ReportFilters } from './filters';

/** The keys of this feature's server state: lists under ['reports'], one report under ['report', id]. */
export const reportKeys = {
  lists: ['reports'] as const,
  list: (query: object) => ['reports', query] as const,
  report: (id: string) => ['report', id] as const,
  versions: (id: string) => ['report', id, 'versions'] as const,
};

export const PAGE_SIZE = 50;

/** Cursor paging over GET /api/v1/reports; each "Load more" asks for the next page. */
export function useReportList(filters: ReportFilters) {
  const query = filtersToQuery(filters);
  return useInfiniteQuery({
    queryKey: reportKeys.list(query),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/reports', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

const reportQuery = (id: string) =>
  queryOptions({
    queryKey: reportKeys.report(id),
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
  });

const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: reportKeys.versions(id),
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}/versions', { params: { path: { id } } })),
  });

/** Teams come whole and change rarely: one fetch names every team on every screen. */
const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: () => unwrap(api.GET('/api/v1/teams')),
  staleTime: 5 * 60_000,
});

export function useReport(id: string, enabled = true) {
  return useQuery({ ...reportQuery(id), enabled });
}

export function useVersions(id: string, enabled: boolean) {
  return useQuery({ ...versionsQuery(id), enabled });
}

/**
 * A report view opened by its address (a reload, a link from an e-mail): its report,
 * versions and the team names are asked for together, as soon as the session is back,
 * instead of one after another as the screen renders. The versions of a report the caller
 * may not read are a 404 like the report itself, so asking early tells nothing more.
 */
export function prefetchReport(client: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    client.prefetchQuery(reportQuery(id)),
    client.prefetchQuery(versionsQuery(id)),
    client.prefetchQuery(teamsQuery),
  ]);
}

export function useTeams() {
  const query = useQuery(teamsQuery);
  const names = useMemo(
    () => new Map((query.data?.items ?? []).map((team) => [team.id, team.name])),
    [query.data],
  );
  return { ...query, teams: query.data?.items ?? [], names };
}

/** Member states and organisations, to name a training offer's provider. */
export function useMembers(enabled: boolean) {
  const query = useQuery({
    queryKey: ['members'],
    queryFn: () => unwrap(api.GET('/api/v1/members')),
    staleTime: 5 * 60_000,
    enabled,
  });
  const names = useMemo(
    () => new Map((query.data?.items ?? []).map((member) => [member.code, member.name])),
    [query.data],
  );
  return names;
}
