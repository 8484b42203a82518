// Shared pieces for benchmarks (and scripts/sqlmap/run.mjs): a throwaway database, the built
// API and worker as child processes, a free port, and cleanup. Run through `npm run bench` (or
// scripts/sqlmap.sh), which sets RILON_ROOT, RILON_BENCH_ADMIN_URL and REDIS_URL and builds
// dist/ first.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ensureRuntimeLogin, runtimeUrl } from '../../lib/runtime-role.mjs';

export const ROOT = process.env.RILON_ROOT ?? process.cwd();
const ADMIN_URL =
  process.env.RILON_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const MIGRATE_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/migrate.js');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function urlWithDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(work) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Runs a node script to its end; rejects with its output when it fails. */
async function runNode(script, env) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${script} exited with ${code}:\n${output}`);
}

/** The login role the benchmarked apps connect as (created once per cluster). */
const RUNTIME = { user: 'rilon_bench_app', password: 'rilon-bench-only' };

/** A migrated database of its own, a Redis prefix of its own, and their removal. */
export async function throwawayEnvironment(label) {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const database = `rilon_bench_${label}_${suffix}`.replace(/[^a-z0-9_]/g, '_');
  const queuePrefix = `bench-${label}-${suffix}`;
  const drop = () => admin((db) => db.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  await admin((db) => db.query(`CREATE DATABASE "${database}"`));
  const ownerUrl = urlWithDatabase(ADMIN_URL, database);
  try {
    await runNode(MIGRATE_MAIN, { DATABASE_URL: ownerUrl });
    // The apps run as in production: a login role of rilon_runtime, never the tables' owner.
    await admin((db) => ensureRuntimeLogin(db, RUNTIME.user, RUNTIME.password));
  } catch (error) {
    // Nobody gets a dispose() for it: drop the database here, or it stays behind.
    await drop().catch(() => undefined);
    throw error;
  }
  return {
    database,
    databaseUrl: runtimeUrl(ownerUrl, RUNTIME.user, RUNTIME.password),
    ownerUrl,
    queuePrefix,
    async dispose({ keepDatabase = false } = {}) {
      if (!keepDatabase) await drop();
      await clearPrefix(queuePrefix);
    },
  };
}

/**
 * Starts a node process and resolves once `readyUrl` answers 2xx; stop() ends it. `nodeArgs`
 * go to Node itself, before the script (e.g. `--cpu-prof`, which NODE_OPTIONS may not carry).
 */
export async function startProcess(
  script,
  env,
  readyUrl,
  { args = [], nodeArgs = [], timeoutMs = 60_000 } = {},
) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { ...process.env, ...env },
    // stdout (request logs) is discarded: it would block the process if nobody read the pipe.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${script} exited with ${child.exitCode}:\n${stderr}`);
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not answer ${readyUrl} in time:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

/**
 * An environment on a database made earlier by a benchmark run with `--keep`: the same shape
 * as throwawayEnvironment's, and dispose() keeps the database (it only clears the Redis prefix).
 */
export async function existingEnvironment(database, label) {
  const ownerUrl = urlWithDatabase(ADMIN_URL, database);
  await admin((db) => ensureRuntimeLogin(db, RUNTIME.user, RUNTIME.password));
  const queuePrefix = `bench-${label}-${process.pid}_${randomBytes(3).toString('hex')}`;
  return {
    database,
    databaseUrl: runtimeUrl(ownerUrl, RUNTIME.user, RUNTIME.password),
    ownerUrl,
    queuePrefix,
    dispose: () => clearPrefix(queuePrefix),
  };
}

async function clearPrefix(queuePrefix) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export const strongSecret = () => randomBytes(48).toString('base64url');
/** A WEBHOOK_SECRET_KEY (32 bytes, base64) that the API and the worker of one run share. */
const webhookSecretKey = randomBytes(32).toString('base64');
/** An AUDIT_SIGNING_KEY (Ed25519, PEM) for the worker and the API of one run. */
const auditSigningKey = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
/** The JWT_SECRET of the API and the worker of one run. */
const jwtSecret = strongSecret();

/** As docker/Dockerfile sets them; a NODE_OPTIONS of the caller's comes after, so it may override them. */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=160 --max-semi-space-size=8';

/**
 * What the API and the worker of one run share: built as in production, on loopback, the
 * throwaway database as the runtime login, its Redis prefix, the run's keys, and no mail out.
 */
function appsEnvironment(env) {
  return {
    NODE_ENV: 'production',
    // The memory bounds of production (docker/Dockerfile, package.json start scripts).
    NODE_OPTIONS: [PRODUCTION_NODE_OPTIONS, process.env.NODE_OPTIONS ?? ''].join(' ').trim(),
    MALLOC_ARENA_MAX: '2',
    HOST: '127.0.0.1',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: env.queuePrefix,
    JWT_SECRET: jwtSecret,
    WEBHOOK_SECRET_KEY: webhookSecretKey,
    AUDIT_SIGNING_KEY: auditSigningKey,
    SMTP_URL: 'smtp://127.0.0.1:1', // nothing listens there: no mail leaves
  };
}

/**
 * The built API of `env` (a throwawayEnvironment) on a free port, once ready, with `extra`
 * added to its environment and `nodeArgs` given to Node (`--cpu-prof`, say); `baseUrl` is its
 * origin, stop() ends it.
 */
export async function startApi(env, extra = {}, { nodeArgs = [] } = {}) {
  const port = await freePort();
  const api = await startProcess(
    API_MAIN,
    {
      ...appsEnvironment(env),
      PORT: String(port),
      METRICS_PORT: '0', // any free port: nothing here scrapes it
      ...extra,
    },
    `http://127.0.0.1:${port}/health/ready`,
    { nodeArgs },
  );
  return Object.assign(api, { port, baseUrl: `http://127.0.0.1:${port}` });
}

/** The built worker of `env`, its health listener on a free port, once ready. */
export async function startWorker(env, extra = {}, { nodeArgs = [] } = {}) {
  const healthPort = await freePort();
  return startProcess(
    WORKER_MAIN,
    { ...appsEnvironment(env), WORKER_HEALTH_PORT: String(healthPort), ...extra },
    `http://127.0.0.1:${healthPort}/health/ready`,
    { nodeArgs },
  );
}
