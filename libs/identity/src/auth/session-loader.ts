import { Injectable } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import { SessionsRepository } from '../sessions/sessions.repository';

/**
 * Loads the caller for one request from PostgreSQL, the shared source of truth: the
 * session must be unrevoked and unexpired and the user active. One indexed query, no
 * process-local cache, so a revocation holds on the very next request on every instance.
 */
@Injectable()
export class SessionLoader {
  constructor(private readonly sessions: SessionsRepository) {}

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const holder = await this.sessions.holder(userId, sessionId);
    if (!holder) return null;
    return {
      userId: holder.id,
      sessionId,
      email: holder.email,
      displayName: holder.displayName,
      memberCode: holder.memberCode,
      globalRole: holder.globalRole,
      teams: holder.teams,
    };
  }
}
