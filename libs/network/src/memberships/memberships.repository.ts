import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TEAM_ROLES, type TeamRole } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import type { TeamMemberView } from './team-member.view';

/** TEAM_ROLES as a SQL array literal, for ordering by seniority (constants, never input). */
const ROLE_ORDER = `ARRAY[${TEAM_ROLES.map((role) => `'${role}'`).join(', ')}]::varchar[]`;

const VIEW = `SELECT m.user_id AS "userId", u.display_name AS "displayName", u.member_code AS "memberCode", m.role
                FROM team_memberships m JOIN users u ON u.id = m.user_id`;

/** The only code that builds SQL for team memberships. */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Leads first, then officers, then observers; by name within a role. */
  list(teamId: string): Promise<TeamMemberView[]> {
    return this.dataSource.query(
      `${VIEW} WHERE m.team_id = $1
       ORDER BY array_position(${ROLE_ORDER}, m.role), u.display_name, m.user_id`,
      [teamId],
    );
  }

  async view(manager: EntityManager, teamId: string, userId: string): Promise<TeamMemberView> {
    const rows: TeamMemberView[] = await manager.query(
      `${VIEW} WHERE m.team_id = $1 AND m.user_id = $2`,
      [teamId, userId],
    );
    return rows[0];
  }

  async userExists(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    return rows.length > 0;
  }

  /** The current role, locked until the transaction ends, so checks and writes see one state. */
  async lockRole(manager: EntityManager, teamId: string, userId: string): Promise<TeamRole | null> {
    const rows: Array<{ role: TeamRole }> = await manager.query(
      'SELECT role FROM team_memberships WHERE team_id = $1 AND user_id = $2 FOR UPDATE',
      [teamId, userId],
    );
    return rows[0]?.role ?? null;
  }

  /**
   * Sets the role. Unless `overLeads`, an existing lead row is left alone: a row that a
   * concurrent transaction made a lead after our lock found none is never overwritten.
   * Returns false when nothing was written for that reason.
   */
  async upsert(
    manager: EntityManager,
    teamId: string,
    userId: string,
    role: TeamRole,
    overLeads: boolean,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO team_memberships (team_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT pk_team_memberships DO UPDATE SET role = EXCLUDED.role
        WHERE $4::boolean OR team_memberships.role <> 'lead'
       RETURNING role`,
      [teamId, userId, role, overLeads],
    );
    return rows.length > 0;
  }

  async delete(manager: EntityManager, teamId: string, userId: string): Promise<void> {
    await manager.query('DELETE FROM team_memberships WHERE team_id = $1 AND user_id = $2', [
      teamId,
      userId,
    ]);
  }
}
