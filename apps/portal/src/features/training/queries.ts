import {
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api, unwrap, type Schemas } from '../../lib/api/client';
import { useLiveNotifications, type LiveNotification } from '../../lib/live/events';

export type OfferSummary = Schemas['ReportSummaryDto'];
export type Offer = Schemas['ReportDto'];
export type OfferBody = Schemas['TrainingOfferBodyDto'];
export type Enrolment = Schemas['EnrolmentDto'];

export const trainingKeys = {
  offers: ['training', 'offers'] as const,
  enrolments: (offerId: string) => ['training', 'enrolments', offerId] as const,
  // The same GET as the report view's, so the two share one cache entry.
  offer: (id: string) => ['report', id] as const,
};

const PAGE = 20;

/** Published training offers the caller may read, newest first, a page at a time. */
export function useOffers() {
  return useInfiniteQuery({
    queryKey: trainingKeys.offers,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/reports', {
          params: {
            query: { type: 'training_offer', status: 'published', limit: PAGE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The bodies (dates, seats, deadline…): the list answers without them. */
export function useOfferBodies(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: trainingKeys.offer(id),
      queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
    })),
  });
}

/** Every request of an offer that the caller may see (a lead: all; anyone else: their own). */
async function allEnrolments(id: string): Promise<Enrolment[]> {
  const items: Enrolment[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/api/v1/reports/{id}/enrolments', {
        params: { path: { id }, query: { limit: 200, cursor } },
      }),
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export function useEnrolments(ids: readonly string[]) {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: trainingKeys.enrolments(id),
      queryFn: () => allEnrolments(id),
    })),
  });
  return results;
}

/** Requests and decisions reach the page by themselves (the live stream's enrolment events). */
export function useLiveEnrolments() {
  const queryClient = useQueryClient();
  const listener = useCallback(
    (notification: LiveNotification) => {
      if (!notification.event.startsWith('enrolment.')) return;
      void queryClient.invalidateQueries({
        queryKey: notification.reportId
          ? trainingKeys.enrolments(notification.reportId)
          : ['training', 'enrolments'],
      });
    },
    [queryClient],
  );
  useLiveNotifications(listener);
}

export function useRequestSeats(offerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { seats: number; note?: string }) =>
      unwrap(
        api.POST('/api/v1/reports/{id}/enrolments', { params: { path: { id: offerId } }, body }),
      ),
    // Whatever the answer, the caller's own request is read again (a 409 means one exists).
    onSettled: () => queryClient.invalidateQueries({ queryKey: trainingKeys.enrolments(offerId) }),
  });
}

export function useDecide(offerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; decision: 'accepted' | 'declined' }) =>
      unwrap(
        api.POST('/api/v1/enrolments/{id}/decision', {
          params: { path: { id: input.id } },
          body: { decision: input.decision },
        }),
      ),
    onSuccess: (enrolment) => {
      queryClient.setQueryData<Enrolment[]>(trainingKeys.enrolments(offerId), (list) =>
        list?.map((item) => (item.id === enrolment.id ? enrolment : item)),
      );
    },
  });
}

/** Member states and organisations, to name an offer's provider. */
export function useMemberNames() {
  const query = useQuery({
    queryKey: ['members'],
    queryFn: () => unwrap(api.GET('/api/v1/members')),
    staleTime: 5 * 60_000,
  });
  return useMemo(
    () => new Map((query.data?.items ?? []).map((m) => [m.code, m.name])),
    [query.data],
  );
}
