import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, newId, RequestContext } from '@rilon/core';
import { EntityManager } from 'typeorm';
import { SessionsRepository } from '../sessions/sessions.repository';
import { sha256Hex, TokenPair, TokenService } from './token.service';

/** Opens, rotates and revokes sessions; every method joins the caller's transaction. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly tokens: TokenService,
    private readonly repository: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(
    manager: EntityManager,
    userId: string,
  ): Promise<{ sessionId: string; pair: TokenPair }> {
    const sessionId = newId();
    const secret = this.tokens.newRefreshSecret();
    const meta = RequestContext.current();
    await this.repository.insert(manager, {
      id: sessionId,
      userId,
      refreshHash: sha256Hex(secret),
      ttlSeconds: this.config.jwt.refreshTtlSeconds,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await this.repository.forgetExpiredSpentSecrets(manager, userId);
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
    const userId = await this.repository.rotate(
      manager,
      sessionId,
      sha256Hex(presentedSecret),
      sha256Hex(secret),
    );
    return userId ? { userId, pair: this.tokens.pair(userId, sessionId, secret) } : null;
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
    const row = await this.repository.secretState(manager, sessionId, sha256Hex(presentedSecret));
    if (!row) return null;
    const secret = row.spent ? 'spent' : row.current ? 'current' : 'unknown';
    return { userId: row.userId, secret };
  }

  /** Ends one session; returns its user when it was live. */
  revoke(manager: EntityManager, sessionId: string, reason: string): Promise<string | null> {
    return this.repository.revoke(manager, sessionId, reason);
  }

  /** Ends every live session of a user, optionally keeping one; returns how many ended. */
  revokeAll(
    manager: EntityManager,
    userId: string,
    reason: string,
    exceptSessionId?: string,
  ): Promise<number> {
    return this.repository.revokeAll(manager, userId, reason, exceptSessionId);
  }

  /** The session a refresh token names, whatever its state (for reuse detection). */
  find(
    manager: EntityManager,
    sessionId: string,
  ): Promise<{ userId: string; revoked: boolean } | null> {
    return this.repository.find(manager, sessionId);
  }
}
