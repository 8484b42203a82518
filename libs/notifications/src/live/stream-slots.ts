import { ProblemException } from '@rilon/core';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

/** Live streams one user may hold at once, all API instances together. */
export const STREAMS_PER_USER = 5;
/** A stream's lease in Redis lasts this long unless renewed (an instance that died lets go). */
const LEASE_MS = 60_000;
const RENEW_MS = 15_000;
/** Streams are long-lived: a slot frees when one closes, not on a schedule. */
const RETRY_AFTER_SECONDS = 30;

/** One admitted stream. */
export interface StreamSlot {
  readonly id: string;
  readonly userId: string;
}

// Redis' clock, so that instances with skewed clocks agree on which leases have lapsed.
const NOW = `local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)`;
/** KEYS[1]: the user's leases; ARGV: slot id, limit, lease ms. 1 when admitted. */
const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;
/** Renews (or, after a Redis outage, restores) one lease. */
const RENEW = `${NOW}
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

function leaseKey(userId: string): string {
  return `live:streams:${userId}`;
}

function tooMany(): ProblemException {
  return new ProblemException({
    status: 429,
    type: 'too-many-requests',
    title: 'Too many requests',
    detail: `At most ${STREAMS_PER_USER} live streams per user are open at once; close one first`,
    headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
  });
}

function full(): ProblemException {
  return new ProblemException({
    status: 503,
    type: 'unavailable',
    title: 'Service unavailable',
    detail: 'This server holds as many live streams as it may; try again shortly',
    headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
  });
}

/**
 * Admission of live streams: a cap per instance, and STREAMS_PER_USER per user counted
 * twice, on this instance (always, taken synchronously so parallel opens cannot slip
 * past) and across instances as leases in Redis, renewed while the stream lives. While
 * Redis is away only this instance's count applies; its leases come back on renewal.
 */
export class StreamSlots {
  private readonly live = new Set<StreamSlot>();
  private readonly perUser = new Map<string, number>();
  private renewal?: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly maxPerInstance: number,
  ) {}

  start(): void {
    this.renewal = setInterval(() => void this.renew(), RENEW_MS);
    this.renewal.unref();
  }

  stop(): void {
    clearInterval(this.renewal);
  }

  get size(): number {
    return this.live.size;
  }

  /** Admits one more stream of the user, or throws the problem (503 or 429) to answer. */
  async acquire(userId: string): Promise<StreamSlot> {
    if (this.live.size >= this.maxPerInstance) throw full();
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= STREAMS_PER_USER) throw tooMany();
    const slot: StreamSlot = { id: randomUUID(), userId };
    this.live.add(slot);
    this.perUser.set(userId, mine + 1);
    let admitted = true;
    try {
      const answer = await this.redis.eval(
        ACQUIRE,
        1,
        leaseKey(userId),
        slot.id,
        STREAMS_PER_USER,
        LEASE_MS,
      );
      admitted = Number(answer) === 1;
    } catch {
      // Redis is away: this instance's count holds alone.
    }
    if (!admitted) {
      this.release(slot);
      throw tooMany();
    }
    return slot;
  }

  release(slot: StreamSlot): void {
    if (!this.live.delete(slot)) return;
    const left = (this.perUser.get(slot.userId) ?? 1) - 1;
    if (left > 0) this.perUser.set(slot.userId, left);
    else this.perUser.delete(slot.userId);
    this.redis.zrem(leaseKey(slot.userId), slot.id).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    if (this.live.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const slot of this.live) pipeline.eval(RENEW, 1, leaseKey(slot.userId), slot.id, LEASE_MS);
    await pipeline.exec().catch(() => undefined);
  }
}
