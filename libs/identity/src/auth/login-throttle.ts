import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@rilon/core';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { UsersRepository } from '../users/users.repository';
import { LocalCounters } from './local-counters';
import { accountKey, addressKey, ThrottledAccount } from './throttle-keys';

const WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 50;
const LIMITS = [ACCOUNT_LIMIT, ADDRESS_LIMIT];

/** Hashed, so that Redis holds no e-mail address or client address. */
function keys(account: ThrottledAccount, ip: string): string[] {
  const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);
  return [
    `login-fail:acct:${hash(accountKey(account))}`,
    `login-fail:addr:${hash(addressKey(ip))}`,
  ];
}

/** A sign-in attempt counted in advance; settle it once the password is checked. */
export interface LoginAttempt {
  /** Seconds to wait when the account or the address is locked out, else 0. */
  lockedFor: number;
  settle(succeeded: boolean): Promise<void>;
}

/**
 * Sign-in throttling: failures per account (the one the lookup resolved, see
 * `accountKey`) and per address (IPv6 by /64, see `addressKey`), counted in Redis (shared by
 * every instance). Each attempt is counted as a failure BEFORE the password is checked
 * and given back when it succeeds, so parallel guesses cannot all slip past the check
 * while the hashes are computed: at most 5 guesses per account per window, however sent.
 * While Redis is down it counts in this process instead (bounded, least recently counted
 * keys evicted first): weaker, never open.
 */
@Injectable()
export class LoginThrottle {
  private readonly local = new LocalCounters();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Counts an attempt at the account `email` names, from `ip`. The account is resolved
   * here, with the sign-in lookup's own `lower(email)`, so every caller (sign-in, password
   * change) counts on the same key however the address is spelt.
   */
  async begin(email: string, ip: string): Promise<LoginAttempt> {
    const counted = keys(await this.resolve(email), ip);
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

  private async resolve(email: string): Promise<ThrottledAccount> {
    return { userId: await this.users.idByEmail(email), email };
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
    const entries = counted.map((k) => this.local.hit(k, WINDOW_SECONDS * 1000, now));
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
