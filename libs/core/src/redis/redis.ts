import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, RedisOptions } from 'ioredis';

/** Injection token of the shared ioredis client for counters and pub/sub publishing. */
export const REDIS = Symbol('REDIS');

/**
 * A client that fails fast while Redis is down (no offline queue, one retry per
 * command) so callers can fall back instead of waiting; it reconnects on its own.
 */
export function createRedis(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 2000,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    ...overrides,
  });
}

/** Connection options for BullMQ, which needs its own clients that wait while Redis is away. */
export function bullConnection(url: string): BullRedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 3000),
  };
}
