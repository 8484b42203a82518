import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, newId, queryRows, RequestContext } from '@rilon/core';
import { EntityManager } from 'typeorm';
import { sha256Hex, TokenPair, TokenService } from './token.service';

/** Opens, rotates and revokes sessions; every method joins the caller's transaction. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(
    manager: EntityManager,
    userId: string,
  ): Promise<{ sessionId: string; pair: TokenPair }> {
    const sessionId = newId();
    const secret = this.tokens.newRefreshSecret();
    const meta = RequestContext.current();
    await manager.query(
      `INSERT INTO sessions (id, user_id, refresh_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)`,
      [
        sessionId,
        userId,
        sha256Hex(secret),
        this.config.jwt.refreshTtlSeconds,
        meta.ip,
        meta.userAgent,
      ],
    );
    // Spent secrets matter while their session could still refresh; an expired session's go.
    await manager.query(
      `DELETE FROM session_spent_secrets x USING sessions s
        WHERE s.id = x.session_id AND s.user_id = $1 AND s.expires_at <= now()`,
      [userId],
    );
    return { sessionId, pair: this.tokens.pair(userId, sessionId, secret) };
  }

  /**
   * Compare-and-set rotation: succeeds only if the presented secret is still the
   * current one, and keeps that secret's hash as spent (reuse detection tells a spent
   * secret from one never issued). Returns null when the token is spent (or unknown,
   * revoked, expired).
   */
  async rotate(
    manager: EntityManager,
    sessionId: string,
    presentedSecret: string,
  ): Promise<{ userId: string; pair: TokenPair } | null> {
    const secret = this.tokens.newRefreshSecret();
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `WITH rotated AS (
         UPDATE sessions s SET refresh_hash = $3, generation = generation + 1, last_refreshed_at = now()
           FROM users u
          WHERE s.id = $1 AND s.refresh_hash = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
            AND u.id = s.user_id AND u.status = 'active'
          RETURNING s.id, s.user_id, s.generation),
       spent AS (
         INSERT INTO session_spent_secrets (session_id, secret_hash, generation)
         SELECT id, $2, generation - 1 FROM rotated ON CONFLICT DO NOTHING)
       SELECT user_id FROM rotated`,
      [sessionId, sha256Hex(presentedSecret), sha256Hex(secret)],
    );
    const row = rows[0];
    return row
      ? { userId: row.user_id, pair: this.tokens.pair(row.user_id, sessionId, secret) }
      : null;
  }

  /**
   * What a refresh secret that did not rotate was to its session: `spent` (once current,
   * rotated away: the token was copied), `current` (the session ended: revoked, expired or
   * its user suspended) or `unknown` (never issued: a forgery). Null for no such session.
   */
  async classifySecret(
    manager: EntityManager,
    sessionId: string,
    presentedSecret: string,
  ): Promise<{ userId: string; secret: 'spent' | 'current' | 'unknown' } | null> {
    const rows: Array<{ user_id: string; current: boolean; spent: boolean }> = await manager.query(
      `SELECT s.user_id, s.refresh_hash = $2 AS current,
         EXISTS (SELECT 1 FROM session_spent_secrets x WHERE x.session_id = s.id AND x.secret_hash = $2) AS spent
       FROM sessions s WHERE s.id = $1`,
      [sessionId, sha256Hex(presentedSecret)],
    );
    const row = rows[0];
    if (!row) return null;
    const secret = row.spent ? 'spent' : row.current ? 'current' : 'unknown';
    return { userId: row.user_id, secret };
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

  /** The session a refresh token names, whatever its state (for reuse detection). */
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
}
