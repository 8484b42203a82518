// npm run bench -- streams [--streams 1000] [--rounds 5]
// Live notifications at scale (issue 10: "a notification reaches 1,000 open live streams within
// 1 s (p99) of its commit"). In a throwaway database, N users (SQL-generated, spread over 12
// teams) who may all read a published GREEN report, each with a session of their own and an
// access token signed as the API signs them (HS256 with the run's JWT_SECRET, its key id,
// issuer and audience): no argon2 logins, which would take minutes for a thousand users on two
// cores. The built API and worker run with production settings; every user opens one SSE
// stream on GET /api/v1/notifications/stream. Once the API's rilon_notifications_live_streams
// gauge counts all of them, each round commits one `report.published` outbox event and records,
// per stream, the time from the COMMIT's acknowledgement until that stream's `event:
// notification` frame for the report arrives. Prints p50/p95/p99/max per round and over all
// rounds, how many streams received each notification, and the peak RSS (VmHWM) of the API and
// the worker, as JSON on stdout.
import { parseArgs } from 'node:util';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  freePort,
  REDIS_URL,
  startApi,
  startWorker,
  strongSecret,
  throwawayEnvironment,
} from './lib/throwaway.mjs';
import { seedPublishingTeam } from './lib/bench-team.mjs';

const { values } = parseArgs({
  options: {
    streams: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
  },
});
const streamCount = Number(values.streams);
const rounds = Number(values.rounds);
if (!(streamCount >= 1) || !(rounds >= 1))
  throw new Error('--streams and --rounds must be positive');
const ROUND_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 30_000);
const log = (line) => process.stderr.write(`streams: ${line}\n`);

// The API's HS256 verification as libs/core's jwtConfig sets it up: the key id is derived from
// the verification key, and a token naming another kid is refused.
const jwtSecret = strongSecret();
const keyId = createHash('sha256')
  .update(`rilon-jwt-kid\n${jwtSecret}`)
  .digest('base64url')
  .slice(0, 16);
const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
function accessToken(userId, sessionId) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url({ alg: 'HS256', typ: 'JWT', kid: keyId });
  // An hour: longer than the run, so no stream ends at its token's expiry meanwhile.
  const body = b64url({
    sub: userId,
    sid: sessionId,
    typ: 'access',
    iat: now,
    exp: now + 3600,
    iss: 'rilon-portal',
    aud: 'rilon-api',
  });
  const signature = createHmac('sha256', jwtSecret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

function quantile(sorted, q) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const round1 = (v) => (v === null ? null : Math.round(v * 10) / 10);
function summary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r = round1;
  return {
    received: sorted.length,
    p50Ms: r(quantile(sorted, 0.5)),
    p95Ms: r(quantile(sorted, 0.95)),
    p99Ms: r(quantile(sorted, 0.99)),
    maxMs: r(sorted.at(-1) ?? null),
  };
}

async function peakRssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null;
}

async function liveStreamsGauge(metricsPort) {
  const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  const text = await res.text();
  return Number(/^rilon_notifications_live_streams (\d+)/m.exec(text)?.[1] ?? 0);
}

async function waitUntil(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * One SSE stream: `onNotification(reportId, atMs)` for each `event: notification` frame, the
 * arrival taken when the chunk holding the frame's end is read.
 */
function openStream(agent, port, token, onNotification) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/api/v1/notifications/stream',
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        let connected = false;
        res.on('data', (chunk) => {
          const at = performance.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!connected && frame.startsWith(': connected')) {
              connected = true;
              resolve({ close: () => req.destroy() });
            }
            const lines = frame.split('\n');
            if (!lines.includes('event: notification')) continue;
            const data = lines.find((l) => l.startsWith('data: '));
            try {
              onNotification(JSON.parse(data.slice(6)).reportId, at);
            } catch {
              // not a frame of ours
            }
          }
        });
        res.on('error', () => undefined);
      },
    );
    req.on('error', reject);
  });
}

const env = await throwawayEnvironment('streams');
const db = new pg.Client({ connectionString: env.ownerUrl });
await db.connect();
let api;
let worker;
let subscriber;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 0 });
const streams = [];
const output = { benchmark: 'streams', streams: streamCount, rounds: [] };
try {
  const { teamId, author, lead } = await seedPublishingTeam(db);
  log(`creating ${streamCount} users and their sessions`);
  // No notification rules: in-app only, so the fan-out queues no e-mail.
  const { rows: sessions } = await db.query(
    `WITH u AS (
       INSERT INTO users (id, email, display_name, member_code)
       SELECT gen_random_uuid(), 'bench-' || g || '@bench.test', 'Bench user ' || g, 'THA'
         FROM generate_series(1, $1::int) g
       RETURNING id)
     , m AS (INSERT INTO team_memberships (team_id, user_id, role)
       SELECT t.id, u.id, 'officer' FROM (SELECT id, row_number() OVER () AS n FROM u) u
         JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM teams) t ON t.k = u.n % 12)
     INSERT INTO sessions (id, user_id, refresh_hash, expires_at)
     SELECT gen_random_uuid(), id, encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() + interval '1 day' FROM u
     RETURNING id, user_id`,
    [streamCount],
  );
  await db.query('VACUUM ANALYZE');

  const metricsPort = await freePort();
  const apps = { JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn' };
  worker = await startWorker(env, apps);
  api = await startApi(env, { ...apps, METRICS_PORT: String(metricsPort) });

  // Arrivals of the round under way: stream index -> ms after the commit.
  let current = { reportId: null, committedAt: 0, arrivals: new Map(), pushedMs: null };
  // The worker's push to the API instances, heard as the hub hears it: it splits the
  // latency into the worker's part (commit to push) and the API's (push to frame).
  subscriber = new Redis(REDIS_URL);
  await subscriber.subscribe(`${env.queuePrefix}:notifications:new`);
  subscriber.on('message', () => {
    if (current.reportId && current.pushedMs === null && current.committedAt)
      current.pushedMs = performance.now() - current.committedAt;
  });
  log(`opening ${streamCount} streams`);
  const openStart = performance.now();
  const OPEN_PARALLEL = 50;
  for (let i = 0; i < sessions.length; i += OPEN_PARALLEL) {
    const batch = sessions.slice(i, i + OPEN_PARALLEL);
    streams.push(
      ...(await Promise.all(
        batch.map((s, k) =>
          openStream(agent, api.port, accessToken(s.user_id, s.id), (reportId, at) => {
            if (reportId !== current.reportId || current.arrivals.has(i + k)) return;
            current.arrivals.set(i + k, at - current.committedAt);
          }),
        ),
      )),
    );
  }
  await waitUntil(
    async () => (await liveStreamsGauge(metricsPort)) >= streamCount,
    30_000,
    'the API to count every stream',
  );
  output.openAllMs = Math.round(performance.now() - openStart);
  log(`${streamCount} streams open in ${output.openAllMs} ms`);

  const all = [];
  for (let round = 1; round <= rounds; round++) {
    const reportId = randomUUID();
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO reports (id, type, team_id, author_id, title, tlp, body, status, published_at)
       VALUES ($1, 'visa_fraud_trend', $2, $3, $4, 'GREEN', '{}', 'published', now())`,
      [reportId, teamId, author, `Live benchmark report ${round}`],
    );
    await db.query(
      `INSERT INTO outbox_events (type, payload) VALUES ('report.published', $1) RETURNING id`,
      [JSON.stringify({ reportId, version: 1, actorId: lead })],
    );
    current = { reportId, committedAt: 0, arrivals: new Map(), pushedMs: null };
    await db.query('COMMIT');
    current.committedAt = performance.now();
    await waitUntil(
      () => current.arrivals.size >= streamCount,
      ROUND_TIMEOUT_MS,
      'every stream',
    ).catch(() => log(`round ${round}: only ${current.arrivals.size} streams within the timeout`));
    const latencies = [...current.arrivals.values()];
    all.push(...latencies);
    const result = { round, pushedMs: round1(current.pushedMs), ...summary(latencies) };
    output.rounds.push(result);
    log(JSON.stringify(result));
    // Let the worker's trailing work (marking the outbox row, logs) settle between rounds.
    await new Promise((r) => setTimeout(r, 1000));
  }
  output.overall = summary(all);
  output.peakRssMb = {
    api: await peakRssMb(api.child.pid),
    worker: await peakRssMb(worker.child.pid),
  };
} finally {
  subscriber?.disconnect();
  for (const s of streams) s.close();
  agent.destroy();
  await api?.stop();
  await worker?.stop();
  await db.end();
  await env.dispose();
}
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
