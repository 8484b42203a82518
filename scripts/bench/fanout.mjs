// npm run bench -- fanout [--sizes 10000,100000] [--cpu-prof DIR]
// The notification fan-out at scale: in a throwaway database, N users (SQL-generated, spread
// over 12 teams, each subscribed to immediate e-mail) who may all read one published GREEN
// report. One `report.published` outbox event is committed; the built worker relays it, fans
// it out and queues the e-mails. Prints the time from the commit until every inbox row exists
// and until every immediate e-mail job is queued (a job per batch of MAIL_BATCH recipients;
// afterwards the batches are checked to cover every immediate notification once). The e-mail queue is paused (in Redis) so
// that no mail is sent and the counts stay still. Sizes run in order on the same database:
// the second run adds users up to its size and publishes a second report. Each result also has
// the worker's peak resident memory so far (VmHWM, Linux); `--cpu-prof DIR` has the worker
// write a V8 CPU profile there when it stops.
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Queue } from 'bullmq';
import pg from 'pg';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REDIS_URL, ROOT, startWorker, throwawayEnvironment } from './lib/throwaway.mjs';
import { seedPublishingTeam } from './lib/bench-team.mjs';

const { MAIL_BATCH } = await import(
  pathToFileURL(join(ROOT, 'dist/apps/worker/libs/notifications/src/notification-jobs.js')).href
);

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000' }, 'cpu-prof': { type: 'string' } },
});
const sizes = values.sizes.split(',').map(Number);
const log = (line) => process.stderr.write(`fanout: ${line}\n`);

/** BullMQ connection options from REDIS_URL, credentials and TLS (`rediss:`) included. */
function connection(url) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    db: Number(u.pathname.slice(1) || 0),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

async function waitUntil(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return Date.now();
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const env = await throwawayEnvironment('fanout');
const db = new pg.Client({ connectionString: env.ownerUrl });
await db.connect();
const email = new Queue('email', { connection: connection(REDIS_URL), prefix: env.queuePrefix });
let worker;
const results = [];
try {
  const { teamId, author, lead } = await seedPublishingTeam(db);
  // No mail leaves: the e-mail processor takes nothing from a paused queue.
  await email.pause();
  const cpuProf = values['cpu-prof'];
  worker = await startWorker(
    env,
    { LOG_LEVEL: 'warn' },
    { nodeArgs: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [] },
  );

  let have = 0;
  for (const size of sizes) {
    log(`creating users up to ${size}`);
    await db.query(
      `WITH u AS (
         INSERT INTO users (id, email, display_name, member_code)
         SELECT gen_random_uuid(), 'bench-' || g || '@bench.test', 'Bench user ' || g, 'THA'
           FROM generate_series($1::int + 1, $2::int) g
         RETURNING id)
       , m AS (INSERT INTO team_memberships (team_id, user_id, role)
         SELECT t.id, u.id, 'officer' FROM (SELECT id, row_number() OVER () AS n FROM u) u
           JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM teams) t ON t.k = u.n % 12)
       INSERT INTO notification_subscriptions (user_id, rules) SELECT id, '[{"email":"immediate"}]' FROM u`,
      [have, size],
    );
    have = size;
    await db.query('VACUUM ANALYZE');
    const expected = Number(
      (await db.query(`SELECT count(*) FROM users WHERE status = 'active' AND id <> $1`, [lead]))
        .rows[0].count,
    );
    const queuedBefore = await queued();
    const reportId = randomUUID();
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO reports (id, type, team_id, author_id, title, tlp, body, status, published_at)
       VALUES ($1, 'visa_fraud_trend', $2, $3, $4, 'GREEN', '{}', 'published', now())`,
      [reportId, teamId, author, `Benchmark report for ${size} readers`],
    );
    const outbox = await db.query(
      `INSERT INTO outbox_events (type, payload) VALUES ('report.published', $1) RETURNING id`,
      [JSON.stringify({ reportId, version: 1, actorId: lead })],
    );
    await db.query('COMMIT');
    const t0 = Date.now();
    const outboxId = outbox.rows[0].id;
    const rowsAt = await waitUntil(
      async () =>
        Number(
          (
            await db.query(`SELECT count(*) FROM notifications WHERE outbox_event_id = $1`, [
              outboxId,
            ])
          ).rows[0].count,
        ) >= expected,
      300_000,
      'the inbox rows',
    );
    // Every bench user asked for immediate mail; the author did not set rules (in-app only).
    const mailJobs = Math.ceil(size / MAIL_BATCH);
    const mailsAt = await waitUntil(
      async () => (await queued()) - queuedBefore >= mailJobs,
      Number(process.env.BENCH_TIMEOUT_MS ?? 300_000),
      'the e-mail jobs',
    ).catch(async (error) => {
      log(
        `inbox rows after ${rowsAt - t0} ms; e-mail jobs ${await queued()}; worker: ${worker.stderr()}`,
      );
      throw error;
    });
    await checkMailCoverage(outboxId, size);
    const result = {
      readers: expected,
      inboxRowsMs: rowsAt - t0,
      emailJobsQueuedMs: mailsAt - t0,
      workerPeakRssMb: await peakRssMb(worker.child.pid),
    };
    results.push(result);
    log(`${size} users: ${JSON.stringify(result)}`);
  }
} finally {
  await worker?.stop();
  await email.close();
  await db.end();
  await env.dispose();
}
process.stdout.write(`${JSON.stringify({ benchmark: 'fanout', results }, null, 2)}\n`);

/** Fails unless the e-mail jobs of the event cover each of its `size` immediate rows once. */
async function checkMailCoverage(outboxId, size) {
  const jobs = await email.getJobs(['waiting', 'paused']);
  let covered = 0;
  for (const job of jobs) {
    if (job.name === 'notification.batch' && job.data.outboxId === String(outboxId)) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM notifications
          WHERE outbox_event_id = $1 AND email = 'immediate' AND id BETWEEN $2 AND $3`,
        [outboxId, job.data.fromId, job.data.toId],
      );
      covered += rows[0].n;
    } else if (job.name === 'notification.immediate') {
      const { rows } = await db.query(
        `SELECT 1 FROM notifications WHERE id = $1 AND outbox_event_id = $2`,
        [job.data.notificationId, outboxId],
      );
      covered += rows.length;
    }
  }
  if (covered !== size) throw new Error(`e-mail jobs cover ${covered} of ${size} recipients`);
}

/** The process's peak resident set (VmHWM) in MB, or null off Linux. */
async function peakRssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 1024) : null;
}

async function queued() {
  const counts = await email.getJobCounts(
    'waiting',
    'paused',
    'prioritized',
    'delayed',
    'active',
    'completed',
    'failed',
  );
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
