import { Inject, Injectable } from '@nestjs/common';
import { Refusals } from '@rilon/audit';
import { Actor, ProblemException, REDIS } from '@rilon/core';
import { LocalCounters } from '@rilon/identity';
import type { Redis } from 'ioredis';

/** Invitation e-mails one account may have sent within an hour. */
export const INVITATIONS_PER_HOUR = 50;
const WINDOW_SECONDS = 3600;

/**
 * Invitations per inviter (each sends an e-mail, to any address): INVITATIONS_PER_HOUR in
 * a fixed window from the first, counted in Redis so every instance shares the count, and
 * in this process while Redis is down (weaker, never open). Beyond: 429 with Retry-After,
 * audited as a denied `invitation.create`.
 */
@Injectable()
export class InvitationThrottle {
  private readonly local = new LocalCounters(10_000);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly refusals: Refusals,
  ) {}

  /** Counts one invitation by `actor`; throws 429 when it is over the hour's limit. */
  async take(actor: Actor, details: Record<string, unknown>): Promise<void> {
    const { count, ttl } = await this.count(`invite-rate:${actor.userId}`);
    if (count <= INVITATIONS_PER_HOUR) return;
    throw await this.refusals.refuse(
      {
        actorId: actor.userId,
        action: 'invitation.create',
        outcome: 'denied',
        details: { ...details, reason: 'throttled', limitPerHour: INVITATIONS_PER_HOUR },
      },
      ProblemException.tooManyRequests(ttl > 0 ? ttl : WINDOW_SECONDS),
    );
  }

  private async count(key: string): Promise<{ count: number; ttl: number }> {
    try {
      const results = await this.redis
        .multi()
        .incr(key)
        .expire(key, WINDOW_SECONDS, 'NX')
        .ttl(key)
        .exec();
      if (!results || results.some(([error]) => error)) throw new Error('redis refused');
      return { count: Number(results[0][1]), ttl: Number(results[2][1]) };
    } catch {
      const now = Date.now();
      const entry = this.local.hit(key, WINDOW_SECONDS * 1000, now);
      return { count: entry.count, ttl: Math.ceil((entry.until - now) / 1000) };
    }
  }
}
