import { Injectable } from '@nestjs/common';
import { queryRows, type TeamRole } from '@rilon/core';
import { EntityManager } from 'typeorm';
import type { InvitationView } from './invitation.view';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

export interface NewInvitation {
  id: string;
  tokenHash: string;
  email: string;
  displayName: string;
  memberCode: string;
  teamId: string | null;
  role: TeamRole | null;
  userId: string | null;
  invitedBy: string;
}

/** An invitation claimed by its token: what acceptance needs. */
export interface ClaimedInvitation {
  id: string;
  email: string;
  displayName: string;
  memberCode: string;
  teamId: string | null;
  role: TeamRole | null;
  userId: string | null;
}

/** An invitation still waiting for its link to be used, as a team's leads see it. */
export interface PendingInvitation {
  id: string;
  email: string;
  displayName: string;
  memberCode: string;
  teamId: string;
  role: TeamRole;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: { id: string; displayName: string } | null;
}

/** Pending invitations one answer lists at most, newest first. */
export const PENDING_INVITATIONS_LIMIT = 200;

/** The only code that builds SQL for invitations. */
@Injectable()
export class InvitationsRepository {
  async insert(manager: EntityManager, invitation: NewInvitation): Promise<InvitationView> {
    const i = invitation;
    const rows: InvitationView[] = await manager.query(
      `INSERT INTO invitations (id, token_hash, email, display_name, member_code, team_id, role, user_id, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(days => $10))
       RETURNING id, email, display_name AS "displayName", member_code AS "memberCode",
                 team_id AS "teamId", role, expires_at AS "expiresAt"`,
      [
        i.id,
        i.tokenHash,
        i.email,
        i.displayName,
        i.memberCode,
        i.teamId,
        i.role,
        i.userId,
        i.invitedBy,
        INVITATION_TTL_DAYS,
      ],
    );
    return rows[0];
  }

  /**
   * Marks the invitation used and returns it, in one statement: of two concurrent
   * acceptances of one token exactly one gets the row. Unknown, used and expired tokens
   * all answer null.
   */
  async claim(manager: EntityManager, tokenHash: string): Promise<ClaimedInvitation | null> {
    const rows = await queryRows<ClaimedInvitation>(
      manager,
      `UPDATE invitations SET accepted_at = now()
        WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now()
        RETURNING id, email, display_name AS "displayName", member_code AS "memberCode",
                  team_id AS "teamId", role, user_id AS "userId"`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** A cheap look before the costly password hash; `claim` stays the authority. */
  async isLive(tokenHash: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM invitations WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now()',
      [tokenHash],
    );
    return rows.length > 0;
  }

  async teamName(manager: EntityManager, teamId: string): Promise<string | null> {
    const rows: Array<{ name: string }> = await manager.query(
      'SELECT name FROM teams WHERE id = $1',
      [teamId],
    );
    return rows[0]?.name ?? null;
  }

  /** The team's invitations not yet accepted and not expired, newest first, bounded. */
  listPending(manager: EntityManager, teamId: string): Promise<PendingInvitation[]> {
    return queryRows<PendingInvitation>(
      manager,
      `SELECT i.id, i.email, i.display_name AS "displayName", i.member_code AS "memberCode",
              i.team_id AS "teamId", i.role, i.created_at AS "createdAt", i.expires_at AS "expiresAt",
              CASE WHEN u.id IS NULL THEN NULL
                   ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "invitedBy"
         FROM invitations i
         LEFT JOIN users u ON u.id = i.invited_by
        WHERE i.team_id = $1 AND i.accepted_at IS NULL AND i.expires_at > now()
        ORDER BY i.created_at DESC, i.id DESC
        LIMIT ${PENDING_INVITATIONS_LIMIT}`,
      [teamId],
    );
  }
}
