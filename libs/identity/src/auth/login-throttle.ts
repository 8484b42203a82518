import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@rilon/core';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

const WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 50;

function key(kind: 'acct' | 'addr', value: string): string {
  return `login-fail:${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
}

/**
 * Counts failed sign-ins per account and per address in Redis (shared by every
 * instance). While Redis is down it counts in this process instead: weaker, never open.
 */
@Injectable()
export class LoginThrottle {
  private readonly local = new Map<string, { count: number; until: number }>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Seconds to wait when the account or the address is locked out, else 0. */
  async lockedFor(email: string, ip: string): Promise<number> {
    const keys = [key('acct', email.toLowerCase()), key('addr', ip)];
    const limits = [ACCOUNT_LIMIT, ADDRESS_LIMIT];
    try {
      const pipeline = this.redis.multi();
      for (const k of keys) pipeline.get(k).ttl(k);
      const results = (await pipeline.exec()) ?? [];
      let wait = 0;
      keys.forEach((_, i) => {
        const count = Number(results[i * 2]?.[1] ?? 0);
        const ttl = Number(results[i * 2 + 1]?.[1] ?? 0);
        if (count >= limits[i]) wait = Math.max(wait, ttl > 0 ? ttl : WINDOW_SECONDS);
      });
      return wait;
    } catch {
      const now = Date.now();
      let wait = 0;
      keys.forEach((k, i) => {
        const entry = this.local.get(k);
        if (entry && entry.until > now && entry.count >= limits[i])
          wait = Math.max(wait, Math.ceil((entry.until - now) / 1000));
      });
      return wait;
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = [key('acct', email.toLowerCase()), key('addr', ip)];
    try {
      const pipeline = this.redis.multi();
      // The window starts at the first failure; reaching the limit restarts it, so the lockout lasts 15 minutes.
      for (const k of keys) pipeline.incr(k).expire(k, WINDOW_SECONDS, 'NX');
      const results = (await pipeline.exec()) ?? [];
      const limits = [ACCOUNT_LIMIT, ADDRESS_LIMIT];
      const restart = keys.filter((_, i) => Number(results[i * 2]?.[1] ?? 0) === limits[i]);
      if (restart.length > 0)
        await Promise.all(restart.map((k) => this.redis.expire(k, WINDOW_SECONDS)));
    } catch {
      const now = Date.now();
      for (const k of keys) {
        const entry = this.local.get(k);
        if (!entry || entry.until <= now)
          this.local.set(k, { count: 1, until: now + WINDOW_SECONDS * 1000 });
        else entry.count += 1;
      }
      if (this.local.size > 100_000) this.local.clear();
    }
  }
}
