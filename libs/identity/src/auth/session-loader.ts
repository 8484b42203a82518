import { Injectable } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import { type SessionHolder, SessionsRepository } from '../sessions/sessions.repository';

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
    return holder ? asActor(holder, sessionId) : null;
  }

  /** `load` for many callers in one query, answers in their order (the live streams a push wakes). */
  async loadMany(
    callers: ReadonlyArray<{ userId: string; sessionId: string }>,
  ): Promise<Array<Actor | null>> {
    if (!callers.length) return [];
    const holders = await this.sessions.holders(callers);
    return callers.map(({ userId, sessionId }) => {
      const holder = holders.get(sessionId);
      // The query matched the pair; checked again so a session id named twice cannot cross users.
      return holder?.id === userId ? asActor(holder, sessionId) : null;
    });
  }
}

function asActor(holder: SessionHolder, sessionId: string): Actor {
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
