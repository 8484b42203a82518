import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap, type Schemas } from '../../lib/api/client';
import { isApiError } from '../../lib/api/problem';
import { useLiveNotifications, type LiveNotification } from '../../lib/live/events';
import { ME_KEY } from '../../lib/session/hooks';

export type TeamMember = Schemas['TeamMemberDto'];
export type TeamRole = TeamMember['role'];
export type Person = Schemas['PersonDto'];
export type Invitation = Schemas['InvitationDto'];
export type PendingInvitation = Schemas['PendingInvitationDto'];
export type Webhook = Schemas['TeamWebhookDto'];

export const teamKeys = {
  members: (teamId: string) => ['team', teamId, 'members'] as const,
  webhook: (teamId: string) => ['team', teamId, 'webhook'] as const,
  invitations: (teamId: string) => ['team', teamId, 'invitations'] as const,
  people: (q: string) => ['people', 'search', q] as const,
};

/** Leads first, then officers, then observers, each by name (the server's order, kept). */
const RANK: Record<TeamRole, number> = { lead: 0, officer: 1, observer: 2 };
export function byRole(a: TeamMember, b: TeamMember): number {
  return RANK[a.role] - RANK[b.role] || a.displayName.localeCompare(b.displayName);
}

export function useTeamMembers(teamId: string) {
  return useQuery({
    queryKey: teamKeys.members(teamId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/teams/{teamId}/members', { params: { path: { teamId } } })),
    select: (list) => [...list.items].sort(byRole),
  });
}

export function useSetRole(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TeamRole }) =>
      unwrap(
        api.PUT('/api/v1/teams/{teamId}/members/{userId}', {
          params: { path: { teamId, userId } },
          body: { role },
        }),
      ),
    // Whatever the answer, the list is read again: a refusal may mean it changed meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamKeys.members(teamId) }),
  });
}

export function useRemoveMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.DELETE('/api/v1/teams/{teamId}/members/{userId}', {
          params: { path: { teamId, userId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamKeys.members(teamId) }),
  });
}

/** Active people by part of their name; two letters at least, so a search means something. */
export function usePeopleSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: teamKeys.people(text),
    queryFn: () =>
      unwrap(api.GET('/api/v1/people', { params: { query: { q: text, limit: 20 } } })).then(
        (list) => list.items,
      ),
    enabled: text.length >= 2,
    staleTime: 30_000,
  });
}

/** Member states and organisations; the same cache entry as the other screens'. */
export function useMemberList() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => unwrap(api.GET('/api/v1/members')),
    staleTime: 5 * 60_000,
    select: (list) => list.items,
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateInvitationDto']) =>
      unwrap(api.POST('/api/v1/invitations', { body })),
    onSettled: (_data, _error, body) =>
      queryClient.invalidateQueries({ queryKey: teamKeys.invitations(body.teamId) }),
  });
}

/** The team's invitations whose link is unused and still works (an accepted one leaves it). */
export function usePendingInvitations(teamId: string) {
  return useQuery({
    queryKey: teamKeys.invitations(teamId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/teams/{teamId}/invitations', { params: { path: { teamId } } })),
    select: (list) => list.items,
  });
}

/** The team's webhook, or null when it has none (the server's 404). */
export function useWebhook(teamId: string) {
  return useQuery({
    queryKey: teamKeys.webhook(teamId),
    queryFn: async () => {
      try {
        return await unwrap(
          api.GET('/api/v1/teams/{id}/webhook', { params: { path: { id: teamId } } }),
        );
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
  });
}

export function useSetWebhook(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; secret: string }) =>
      unwrap(api.PUT('/api/v1/teams/{id}/webhook', { params: { path: { id: teamId } }, body })),
    // The answer never holds the secret: it is safe to keep in the cache.
    onSuccess: (webhook) => queryClient.setQueryData(teamKeys.webhook(teamId), webhook),
  });
}

export function useDeleteWebhook(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/teams/{id}/webhook', { params: { path: { id: teamId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamKeys.webhook(teamId) }),
  });
}

/**
 * Changes made elsewhere (another lead, an administrator) arrive on the live stream; the
 * notification names no team id, so every team list is read again, and the caller's own
 * roles too (they may have lost the lead role).
 */
export function useLiveTeamChanges() {
  const queryClient = useQueryClient();
  const listener = useCallback(
    (notification: LiveNotification) => {
      if (notification.event === 'membership.changed') {
        void queryClient.invalidateQueries({ queryKey: ['team'] });
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      } else if (notification.event === 'webhook.changed') {
        void queryClient.invalidateQueries({ queryKey: ['team'] });
      }
    },
    [queryClient],
  );
  useLiveNotifications(listener);
}
