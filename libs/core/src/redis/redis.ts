import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, RedisOptions } from 'ioredis';
import { ConfigError, urlHost } from '../config/app-config';

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

/** Redis's answers to credentials it does not accept (or to none where it needs some). */
const REFUSED = /^(WRONGPASS|NOAUTH|NOPERM)\b[^\r\n]*/;

/**
 * Checks, once at start, that Redis accepts the credentials in REDIS_URL (a user and
 * password, or the default user's password: `redis://:password@host`). A Redis that does
 * not answer is no reason to stop (the apps wait for it and catch up); one that refuses
 * the credentials is: nothing would ever work until REDIS_URL is fixed. Throws a
 * ConfigError with one line, which names the host but never the password.
 */
export async function checkRedisCredentials(url: string, timeoutMs = 2000): Promise<void> {
  let refusal: string | undefined;
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
    // Else a socket that never connected keeps the process (a test) alive for 2 s.
    disconnectTimeout: 0,
  });
  probe.on('error', (error: Error) => {
    refusal ??= REFUSED.exec(error.message ?? '')?.[0];
  });
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    refusal ??= REFUSED.exec((error as Error).message ?? '')?.[0];
  } finally {
    probe.disconnect();
  }
  if (refusal) {
    const parsed = new URL(url);
    throw new ConfigError(
      `REDIS_URL: Redis at ${urlHost(parsed.hostname)}:${parsed.port || 6379} refused ${
        parsed.username || parsed.password ? 'the credentials' : 'to serve without credentials'
      } (${refusal.trim()}); set the user and password of REDIS_URL, e.g. redis://:password@host:6379`,
    );
  }
}
