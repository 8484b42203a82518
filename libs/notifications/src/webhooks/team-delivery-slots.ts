import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@rilon/core';
import type { Redis } from 'ioredis';

/**
 * A lease outlives the delivery's deadline by this much, so it never lapses while its
 * delivery still runs; a worker that died mid-delivery lets the slot go after it.
 */
const LEASE_MARGIN_MS = 5_000;

// Redis' own clock, so that workers on hosts with skewed clocks agree on lapsed leases.
const NOW = `local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)`;
/**
 * KEYS[1]: the team's leases (a sorted set, member the job id, score its expiry).
 * ARGV: job id, limit, lease ms. Takes a slot, or renews the one this job already holds
 * (a job picked up again after its worker stalled), and answers 1; 0 when all are taken.
 */
const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

/**
 * How many deliveries of one team run at once, across every worker process: a Redis
 * semaphore of leases, one per job. A team whose endpoint is slow then holds at most
 * WEBHOOK_CONCURRENCY_PER_TEAM worker slots (each for at most the delivery deadline), and
 * the other teams' deliveries go on in the rest.
 */
@Injectable()
export class TeamDeliverySlots {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True when `jobId` may deliver to `teamId` now (its slot held until release). */
  async acquire(teamId: string, jobId: string): Promise<boolean> {
    const answer = await this.redis.eval(
      ACQUIRE,
      1,
      slotsKey(teamId),
      jobId,
      this.config.webhookConcurrencyPerTeam,
      this.config.webhookDeadlineMs + LEASE_MARGIN_MS,
    );
    return Number(answer) === 1;
  }

  /** Best effort: a slot that is not given back lapses with its lease. */
  async release(teamId: string, jobId: string): Promise<void> {
    await this.redis.zrem(slotsKey(teamId), jobId).catch(() => undefined);
  }
}

/** Under the shared client's key prefix (QUEUE_PREFIX), like the other counters. */
function slotsKey(teamId: string): string {
  return `webhook:slots:${teamId}`;
}
