import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { session, type SessionSnapshot } from './session';

export type Me = Schemas['MeDto'];

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}

export const ME_KEY = ['me'] as const;

/** The signed-in user: profile, global role and team memberships (GET /me). */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: () => unwrap(api.GET('/api/v1/me')),
  staleTime: 60_000,
});

/** The signed-in user: profile, global role and team memberships. */
export function useMe() {
  const { status } = useSession();
  return useQuery({ ...meQuery, enabled: status === 'signed-in' });
}

/** What the caller's roles let the portal offer (the server still decides). */
export interface Abilities {
  isLead: boolean;
  canAuthor: boolean;
  isAdmin: boolean;
  isAuditor: boolean;
  leadTeamIds: string[];
  authorTeamIds: string[];
  teamIds: string[];
}

export function abilitiesOf(me: Me | undefined): Abilities {
  const memberships = me?.memberships ?? [];
  const leadTeamIds = memberships.filter((m) => m.role === 'lead').map((m) => m.teamId);
  const authorTeamIds = memberships
    .filter((m) => m.role === 'lead' || m.role === 'officer')
    .map((m) => m.teamId);
  return {
    isLead: leadTeamIds.length > 0,
    canAuthor: authorTeamIds.length > 0,
    isAdmin: me?.globalRole === 'admin',
    isAuditor: me?.globalRole === 'auditor',
    leadTeamIds,
    authorTeamIds,
    teamIds: memberships.map((m) => m.teamId),
  };
}
