import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';
import { ME_KEY } from '../../lib/session/hooks';

export type User = Schemas['UserDto'];
export type Team = Schemas['TeamDto'];
export type Capital = Schemas['CapitalDto'];
export type Member = Schemas['MemberDto'];
export type NewUser = Schemas['CreateUserDto'];
export type UserChanges = Schemas['UpdateUserDto'];
export type TeamChanges = Schemas['UpdateTeamDto'];

export const adminKeys = {
  users: ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'users', id] as const,
  teams: ['teams'] as const,
  capitals: ['capitals'] as const,
  // The same entry as every other screen's member list.
  members: ['members'] as const,
};

const PAGE = 50;

/** Every account, newest first, a page at a time (the only paged list here). */
export function useUsers() {
  return useInfiniteQuery({
    queryKey: adminKeys.users,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/users', { params: { query: { limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: adminKeys.user(id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateUser(id: string, meId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserChanges) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(id), user);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users, exact: true });
      // A change of one's own account changes what the portal offers (the admin role).
      if (id === meId) void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useTeams() {
  return useQuery({
    queryKey: adminKeys.teams,
    queryFn: () => unwrap(api.GET('/api/v1/teams')).then((list) => list.items),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateTeamDto']) => unwrap(api.POST('/api/v1/teams', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.teams }),
  });
}

export function useUpdateTeam(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamChanges) =>
      unwrap(api.PATCH('/api/v1/teams/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.teams }),
  });
}

export function useCapitals() {
  return useQuery({
    queryKey: adminKeys.capitals,
    queryFn: () => unwrap(api.GET('/api/v1/capitals')).then((list) => list.items),
  });
}

export function useCreateCapital() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateCapitalDto']) =>
      unwrap(api.POST('/api/v1/capitals', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.capitals }),
  });
}

export function useMembers() {
  return useQuery({
    queryKey: adminKeys.members,
    queryFn: () => unwrap(api.GET('/api/v1/members')),
    staleTime: 5 * 60_000,
    select: (list) => list.items,
  });
}

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateMemberDto']) => unwrap(api.POST('/api/v1/members', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.members }),
  });
}
