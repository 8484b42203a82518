import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, type GlobalRole, pgPool, type TeamMembershipRef } from '@rilon/core';
import { DataSource } from 'typeorm';

interface Row {
  id: string;
  email: string;
  display_name: string;
  member_code: string;
  global_role: GlobalRole | null;
  teams: TeamMembershipRef[];
}

/**
 * Loads the caller for one request from PostgreSQL, the shared source of truth: the
 * session must be unrevoked and unexpired and the user active. One indexed query, no
 * process-local cache, so a revocation holds on the very next request on every instance.
 */
@Injectable()
export class SessionLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const { rows } = await pgPool(this.dataSource).query<Row>(
      `SELECT u.id, u.email, u.display_name, u.member_code, u.global_role,
              COALESCE(json_agg(json_build_object('teamId', m.team_id, 'role', m.role) ORDER BY m.created_at)
                       FILTER (WHERE m.team_id IS NOT NULL), '[]') AS teams
         FROM sessions s
         JOIN users u ON u.id = s.user_id AND u.status = 'active'
         LEFT JOIN team_memberships m ON m.user_id = u.id
              AND EXISTS (SELECT 1 FROM teams t WHERE t.id = m.team_id AND t.active)
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
        GROUP BY u.id`,
      [sessionId, userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.id,
      sessionId,
      email: row.email,
      displayName: row.display_name,
      memberCode: row.member_code,
      globalRole: row.global_role,
      teams: row.teams,
    };
  }
}
