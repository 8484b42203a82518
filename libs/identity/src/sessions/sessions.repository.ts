import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type GlobalRole, pgPool, queryRows, type TeamMembershipRef } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';

export interface NewSession {
  id: string;
  userId: string;
  refreshHash: string;
  ttlSeconds: number;
  ip: string | null;
  userAgent: string | null;
}

/** The caller of a live session, as one request needs it. */
export interface SessionHolder {
  id: string;
  email: string;
  displayName: string;
  memberCode: string;
  globalRole: GlobalRole | null;
  teams: TeamMembershipRef[];
}

/**
 * The owner of `sessions` and `session_spent_secrets`: every statement on them is here.
 * Writes join the caller's transaction (the change and its audit event commit together).
 */
/** A session that still admits its holder: not revoked, not expired (alias `s`). */
const LIVE_SESSION = 's.revoked_at IS NULL AND s.expires_at > now()';

/** The holder of session `s` as a SessionHolder: the user, and their roles in active teams. */
const HOLDER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.member_code AS "memberCode",
  u.global_role AS "globalRole",
  COALESCE(json_agg(json_build_object('teamId', m.team_id, 'role', m.role) ORDER BY m.created_at)
           FILTER (WHERE m.team_id IS NOT NULL), '[]') AS teams`;

/** Joins `s` to its user, only while active, and their memberships of active teams. */
const HOLDER_JOINS = `JOIN users u ON u.id = s.user_id AND u.status = 'active'
  LEFT JOIN team_memberships m ON m.user_id = u.id
       AND EXISTS (SELECT 1 FROM teams t WHERE t.id = m.team_id AND t.active)`;

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, session: NewSession): Promise<void> {
    await manager.query(
      `INSERT INTO sessions (id, user_id, refresh_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)`,
      [
        session.id,
        session.userId,
        session.refreshHash,
        session.ttlSeconds,
        session.ip,
        session.userAgent,
      ],
    );
  }

  /** Spent secrets matter while their session could still refresh; an expired session's go. */
  async forgetExpiredSpentSecrets(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `DELETE FROM session_spent_secrets x USING sessions s
        WHERE s.id = x.session_id AND s.user_id = $1 AND s.expires_at <= now()`,
      [userId],
    );
  }

  /**
   * Compare-and-set: replaces the refresh hash only if the presented one is still current
   * (and the session live, its user active), keeping the old hash as spent. Returns the
   * session's user, or null when nothing rotated.
   */
  async rotate(
    manager: EntityManager,
    sessionId: string,
    presentedHash: string,
    nextHash: string,
  ): Promise<string | null> {
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `WITH rotated AS (
         UPDATE sessions s SET refresh_hash = $3, generation = generation + 1, last_refreshed_at = now()
           FROM users u
          WHERE s.id = $1 AND s.refresh_hash = $2 AND ${LIVE_SESSION}
            AND u.id = s.user_id AND u.status = 'active'
          RETURNING s.id, s.user_id, s.generation),
       spent AS (
         INSERT INTO session_spent_secrets (session_id, secret_hash, generation)
         SELECT id, $2, generation - 1 FROM rotated ON CONFLICT DO NOTHING)
       SELECT user_id FROM rotated`,
      [sessionId, presentedHash, nextHash],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Whether a hash is the session's current one and whether it was spent; null for no session. */
  async secretState(
    manager: EntityManager,
    sessionId: string,
    hash: string,
  ): Promise<{ userId: string; current: boolean; spent: boolean } | null> {
    const rows: Array<{ user_id: string; current: boolean; spent: boolean }> = await manager.query(
      `SELECT s.user_id, s.refresh_hash = $2 AS current,
         EXISTS (SELECT 1 FROM session_spent_secrets x WHERE x.session_id = s.id AND x.secret_hash = $2) AS spent
       FROM sessions s WHERE s.id = $1`,
      [sessionId, hash],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, current: row.current, spent: row.spent } : null;
  }

  /** Ends one session; returns its user when it was live. */
  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<string | null> {
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING user_id`,
      [sessionId, reason],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Ends every live session of a user, optionally keeping one; returns how many ended. */
  async revokeAll(
    manager: EntityManager,
    userId: string,
    reason: string,
    exceptSessionId?: string,
  ): Promise<number> {
    const rows = await queryRows(
      manager,
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
      [userId, reason, exceptSessionId ?? null],
    );
    return rows.length;
  }

  /** The session, whatever its state (for reuse detection). */
  async find(
    manager: EntityManager,
    sessionId: string,
  ): Promise<{ userId: string; revoked: boolean } | null> {
    const rows: Array<{ user_id: string; revoked_at: Date | null }> = await manager.query(
      'SELECT user_id, revoked_at FROM sessions WHERE id = $1',
      [sessionId],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, revoked: row.revoked_at !== null } : null;
  }

  /**
   * The holder of a live session (unrevoked, unexpired, its user active) with the teams
   * they belong to: one indexed query on the raw pool, on every authenticated request.
   */
  async holder(userId: string, sessionId: string): Promise<SessionHolder | null> {
    const { rows } = await pgPool(this.dataSource).query<SessionHolder>({
      // Prepared per connection: this runs on every request (pgPool).
      name: 'rilon_session_holder',
      text: `SELECT ${HOLDER_COLUMNS}
               FROM sessions s ${HOLDER_JOINS}
              WHERE s.id = $1 AND s.user_id = $2 AND ${LIVE_SESSION}
              GROUP BY u.id`,
      values: [sessionId, userId],
    });
    return rows[0] ?? null;
  }

  /**
   * `holder` for many sessions in one query, keyed by session id (a session that is not
   * live, or not the named user's, is absent). For pushes that wake many streams at once.
   */
  async holders(
    sessions: ReadonlyArray<{ userId: string; sessionId: string }>,
  ): Promise<Map<string, SessionHolder>> {
    const { rows } = await pgPool(this.dataSource).query<SessionHolder & { sessionId: string }>({
      name: 'rilon_session_holders',
      text: `SELECT s.id AS "sessionId", ${HOLDER_COLUMNS}
               FROM unnest($1::uuid[], $2::uuid[]) AS q(session_id, user_id)
               JOIN sessions s ON s.id = q.session_id AND s.user_id = q.user_id AND ${LIVE_SESSION}
               ${HOLDER_JOINS}
              GROUP BY s.id, u.id`,
      values: [sessions.map((s) => s.sessionId), sessions.map((s) => s.userId)],
    });
    return new Map(rows.map(({ sessionId, ...holder }) => [sessionId, holder]));
  }
}
