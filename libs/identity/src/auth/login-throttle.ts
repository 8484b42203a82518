import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@rilon/core';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

const WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 50;
const LIMITS = [ACCOUNT_LIMIT, ADDRESS_LIMIT];

function keys(email: string, ip: string): string[] {
  const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);
  return [`login-fail:acct:${hash(email.toLowerCase())}`, `login-fail:addr:${hash(ip)}`];
}

/** A sign-in attempt counted in advance; settle it once the password is checked. */
export interface LoginAttempt {
  /** Seconds to wait when the account or the address is locked out, else 0. */
  lockedFor: number;
  settle(succeeded: boolean): Promise<void>;
}

/**
 * Sign-in throttling: failures per account and per address, counted in Redis (shared by
 * every instance). Each attempt is counted as a failure BEFORE the password is checked
 * and given back when it succeeds, so parallel guesses cannot all slip past the check
 * while the hashes are computed: at most 5 guesses per account per window, however sent.
 * While Redis is down it counts in this process instead: weaker, never open.
 */
@Injectable()
export class LoginThrottle {
  private readonly local = new Map<string, { count: number; until: number }>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async begin(email: string, ip: string): Promise<LoginAttempt> {
    const counted = keys(email, ip);
    try {
      const pipeline = this.redis.multi();
      for (const k of counted) pipeline.incr(k).expire(k, WINDOW_SECONDS, 'NX').ttl(k);
      const results = (await pipeline.exec()) ?? [];
      const counts = counted.map((_, i) => Number(results[i * 3]?.[1] ?? 0));
      const ttls = counted.map((_, i) => Number(results[i * 3 + 2]?.[1] ?? 0));
      return this.attempt(counts, ttls, {
        release: () => this.redis.multi().decr(counted[0]).decr(counted[1]).exec(),
        // Reaching a limit restarts the window: the lockout lasts 15 minutes from there.
        restart: (k) => this.redis.expire(k, WINDOW_SECONDS),
        keys: counted,
      });
    } catch {
      return this.localAttempt(counted);
    }
  }

  private attempt(
    counts: number[],
    ttls: number[],
    ops: { release(): Promise<unknown>; restart(key: string): Promise<unknown>; keys: string[] },
  ): LoginAttempt {
    let lockedFor = 0;
    counts.forEach((count, i) => {
      if (count > LIMITS[i])
        lockedFor = Math.max(lockedFor, ttls[i] > 0 ? ttls[i] : WINDOW_SECONDS);
    });
    return {
      lockedFor,
      settle: async (succeeded) => {
        if (lockedFor > 0) return;
        try {
          if (succeeded) await ops.release();
          else
            await Promise.all(
              ops.keys.filter((_, i) => counts[i] === LIMITS[i]).map((k) => ops.restart(k)),
            );
        } catch {
          // Redis went away mid-attempt: the count stays, which errs on the safe side.
        }
      },
    };
  }

  private localAttempt(counted: string[]): LoginAttempt {
    const now = Date.now();
    if (this.local.size > 100_000) this.local.clear();
    const entries = counted.map((k) => {
      let entry = this.local.get(k);
      if (!entry || entry.until <= now) {
        entry = { count: 0, until: now + WINDOW_SECONDS * 1000 };
        this.local.set(k, entry);
      }
      entry.count += 1;
      return entry;
    });
    return this.attempt(
      entries.map((e) => e.count),
      entries.map((e) => Math.ceil((e.until - now) / 1000)),
      {
        release: () => {
          for (const e of entries) e.count -= 1;
          return Promise.resolve();
        },
        restart: (k) => {
          const entry = this.local.get(k);
          if (entry) entry.until = Date.now() + WINDOW_SECONDS * 1000;
          return Promise.resolve();
        },
        keys: counted,
      },
    );
  }
}
