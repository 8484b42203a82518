import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppConfig, loadConfig } from '@rilon/core';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/create-app';
import { MetricsServer } from '../../apps/api/src/ops/metrics-server';
import { createWorker, RunningWorker } from '../../apps/worker/src/create-worker';
import { databaseUrl, runtimeDatabaseUrl, TEMPLATE_ENV, uniqueName, withAdmin } from './db';

export interface TestDatabase {
  name: string;
  /** As the owner (a superuser here): for set-up and for what an attacker with the owner's rights would do. */
  url: string;
  /** As the runtime role, which the API and the worker use. */
  runtimeUrl: string;
  drop(): Promise<void>;
}

/** A private database cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error('the integration global setup did not run');
  const name = uniqueName('rilon_t');
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    runtimeUrl: runtimeDatabaseUrl(name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/** One webhook sealing key per test process, so every API and worker of a test file agrees. */
const WEBHOOK_SECRET_KEY = randomBytes(32).toString('base64');

/** A test configuration: own database, own queue prefix, loopback SMTP. */
export function testConfig(database: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.runtimeUrl,
    MIGRATION_DATABASE_URL: database.url,
    REDIS_URL: process.env.RILON_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `rtest-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.RILON_TEST_LOG_LEVEL ?? 'silent',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_SECRET_KEY,
    // The metrics listener on a free port (TestApi.metricsUrl); the API port has no /metrics.
    METRICS_PORT: '0',
    // No mail leaves a test unless it starts its own SMTP server (a demo's mail sink on
    // 1025 would otherwise get it, and the sent mail's link is erased from the outbox).
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...env,
  });
}

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

/** The API under test, on a random port, with helpers to call it over HTTP. */
export class TestApi {
  constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly baseUrl: string,
    readonly database: TestDatabase,
    /** The API's metrics listener (METRICS_PORT), apart from its port. */
    readonly metricsUrl = '',
  ) {}

  get db(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  async call<T = any>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    } else if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] ??= 'application/json';
    }
    const url = path.startsWith('/metrics')
      ? `${this.metricsUrl}${path}`
      : path.startsWith('/api/') || path.startsWith('/health') || path.startsWith('/admin')
        ? `${this.baseUrl}${path}`
        : `${this.baseUrl}/api/v1${path}`;
    // A Buffer is a Uint8Array; the DOM typing of fetch (tests/portal) wants it said.
    const payload = typeof body === 'string' || body === undefined ? body : new Uint8Array(body);
    const response = await fetch(url, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text)
      parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get = <T = any>(path: string, options?: CallOptions) => this.call<T>('GET', path, options);
  post = <T = any>(path: string, json?: unknown, options: CallOptions = {}) =>
    this.call<T>('POST', path, { ...options, json });
  put = <T = any>(path: string, json?: unknown, options: CallOptions = {}) =>
    this.call<T>('PUT', path, { ...options, json });
  patch = <T = any>(path: string, json?: unknown, options: CallOptions = {}) =>
    this.call<T>('PATCH', path, { ...options, json });
  delete = <T = any>(path: string, options?: CallOptions) => this.call<T>('DELETE', path, options);

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
    await dropRedisPrefix(this.config.redisUrl, this.config.queuePrefix);
  }
}

/** Removes the keys a test run left under its own prefix (when that Redis still answers). */
async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  // One try, bounded: a test whose Redis is down must not wait here.
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 2000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // A test that stopped its private Redis has nothing to clean.
  } finally {
    redis.disconnect();
  }
}

/** Starts the real API on a random port against a fresh database. */
export async function startApi(
  env: Record<string, string> = {},
  database?: TestDatabase,
): Promise<TestApi> {
  const db = database ?? (await createTestDatabase());
  const config = testConfig(db, env);
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const metricsUrl = `http://127.0.0.1:${app.get(MetricsServer).port}`;
  return new TestApi(app, config, `http://127.0.0.1:${address.port}`, db, metricsUrl);
}

/** Polls until `check` returns a truthy value, or fails after the deadline. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the real worker against the same database and queue prefix as `api`. */
export function startWorker(api: TestApi): Promise<RunningWorker> {
  return createWorker(api.config, 0);
}

/** The globally unique key of an outbox event (job and delivery ids derive from it). */
export async function eventKeyOf(api: TestApi, outboxId: string): Promise<string> {
  const rows: Array<{ event_key: string }> = await api.db.query(
    'SELECT event_key FROM outbox_events WHERE id = $1',
    [outboxId],
  );
  if (!rows[0]) throw new Error(`no outbox event ${outboxId}`);
  return rows[0].event_key;
}

/** The BullMQ job id the relay gives an outbox event. */
export async function jobIdOf(api: TestApi, outboxId: string): Promise<string> {
  return `evt-${await eventKeyOf(api, outboxId)}`;
}
