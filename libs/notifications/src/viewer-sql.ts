import type { ViewerSql } from '@rilon/reports';

/**
 * Every user `u` as a viewer `v` (their teams and lead-of teams, active teams only), so
 * that THE visibility rule (`canReadSql`) decides recipients for all users in one query.
 */
export const USERS_AS_VIEWERS = `users u
  CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(m.team_id), '{}') AS teams,
           coalesce(array_agg(m.team_id) FILTER (WHERE m.role = 'lead'), '{}') AS leads
      FROM team_memberships m JOIN teams t ON t.id = m.team_id AND t.active
     WHERE m.user_id = u.id) v`;

export const USER_VIEWER: ViewerSql = {
  userId: 'u.id',
  teamIds: 'v.teams',
  leadTeamIds: 'v.leads',
};

/**
 * As {@link USERS_AS_VIEWERS} for statements over every user at once (the fan-out): the
 * memberships are grouped in one pass and joined by hash instead of looked up user by user
 * (10^5 index probes were a fifth of a 10^5-reader fan-out). `part` (SQL over a user id
 * column, e.g. one half of the users) narrows both the users and the memberships grouped.
 * For one user, use the lateral form: a join here groups everyone's memberships first.
 */
export function allUsersAsViewers(part: (userId: string) => string = () => 'true'): string {
  return `users u
  LEFT JOIN (
    SELECT m.user_id, array_agg(m.team_id) AS teams,
           array_agg(m.team_id) FILTER (WHERE m.role = 'lead') AS leads
      FROM team_memberships m JOIN teams t ON t.id = m.team_id AND t.active
     WHERE ${part('m.user_id')}
     GROUP BY m.user_id) vm ON vm.user_id = u.id
  CROSS JOIN LATERAL (
    SELECT coalesce(vm.teams, '{}') AS teams, coalesce(vm.leads, '{}') AS leads) v`;
}
