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
