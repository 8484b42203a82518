import { bullConnection, QUEUES } from '@rilon/core';
import { ARGON2_OPTIONS } from '@rilon/identity';
import * as argon2 from 'argon2';
import { Queue } from 'bullmq';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { WebhookReceiver } from '../../notifications/webhook-receiver';
import { ensureRuntimeLogin, RUNTIME_LOGIN } from '../../support/db';
import { waitFor } from '../../support/harness';
import { TestSmtp } from '../../support/smtp';
import { header } from '../../worker/mail-helpers';
import { freePort } from '../../worker/private-redis';
import {
  API_MAIN,
  AppProcess,
  assertBuilt,
  MIGRATE_MAIN,
  ROOT,
  runToEnd,
  WORKER_MAIN,
} from './app-process';
import { DurableRedis } from './durable-redis';
import { call, Lane, LoadClient } from './load';
import { PrivatePostgres } from './private-postgres';

const PASSWORD = 'correct horse battery staple';
const MAIL_FROM = 'rilon@rilon.test';

export interface RigUser {
  id: string;
  email: string;
  teamId: string;
  role: 'lead' | 'officer';
  token: string;
}

export interface RigOptions {
  /** Members of a third team, in-app only, who read every GREEN report: a heavier fan-out. */
  bulkReaders?: number;
}

/** What the exactly-once check found, kept in test-results/faults/<name>.json. */
export interface DeliveryTally {
  reports: number;
  notifications: number;
  mails: number;
  webhooks: number;
  /** Copies a receiver got again under the same id (at-least-once; it drops them). */
  repeatedMails: number;
  repeatedWebhooks: number;
}

/**
 * Everything one fault scenario runs on, all of its own: a PostgreSQL cluster and a
 * redis-server started here, the built API and worker as child processes, a loopback SMTP
 * sink and webhook receiver; two teams (a lead and two officers each, every one subscribed
 * to immediate e-mail, each team with a webhook), and the load client's lanes.
 */
export class FaultRig {
  readonly smtp = new TestSmtp();
  readonly hooks = new WebhookReceiver();
  users: RigUser[] = [];
  bulkIds: string[] = [];
  teams: { A: string; B: string; C?: string } = { A: '', B: '' };
  owner!: Pool;
  api!: AppProcess;
  worker!: AppProcess;
  apiUrl = '';
  private queues: Queue[] = [];
  private readonly secrets: Record<string, string> = {};

  private constructor(
    readonly name: string,
    readonly pg: PrivatePostgres,
    readonly redis: DurableRedis,
    readonly logDir: string,
  ) {}

  static async start(name: string, options: RigOptions = {}): Promise<FaultRig> {
    assertBuilt();
    const pg = await PrivatePostgres.create();
    const redis = await DurableRedis.create();
    const rig = new FaultRig(
      name,
      pg,
      redis,
      await mkdtemp(join(tmpdir(), `rilon-faults-${name}-`)),
    );
    try {
      await rig.boot(options);
    } catch (error) {
      await rig.stop();
      throw error;
    }
    return rig;
  }

  private async boot(options: RigOptions): Promise<void> {
    await this.pg.start();
    await this.redis.start();
    const admin = new Client({ connectionString: this.pg.url() });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE rilon');
    } finally {
      await admin.end();
    }
    const ownerUrl = this.pg.url('rilon');
    await runToEnd(MIGRATE_MAIN, { NODE_ENV: 'test', DATABASE_URL: ownerUrl });
    this.owner = new Pool({ connectionString: ownerUrl, max: 4 });
    // A stopped cluster makes idle clients fail: the checks reconnect, nothing to report.
    this.owner.on('error', () => undefined);
    const client = await this.owner.connect();
    try {
      await ensureRuntimeLogin(client);
    } finally {
      client.release();
    }
    const runtime = new URL(ownerUrl);
    runtime.username = RUNTIME_LOGIN.user;
    runtime.password = RUNTIME_LOGIN.password;

    const smtpUrl = await this.smtp.start();
    await this.hooks.start();
    const [apiPort, metricsPort, healthPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
    ]);
    const audit = generateKeyPairSync('ed25519');
    const common = {
      NODE_ENV: 'test',
      DATABASE_URL: runtime.toString(),
      MIGRATION_DATABASE_URL: ownerUrl,
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: `faults-${this.name}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.RILON_FAULTS_LOG_LEVEL ?? 'warn',
      SMTP_URL: smtpUrl,
      MAIL_FROM,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      AUDIT_PUBLIC_KEYS: audit.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    this.apiUrl = `http://127.0.0.1:${apiPort}`;
    this.api = new AppProcess(
      'api',
      API_MAIN,
      { ...common, PORT: String(apiPort), METRICS_PORT: String(metricsPort) },
      `${this.apiUrl}/health/ready`,
      join(this.logDir, 'api.log'),
    );
    this.worker = new AppProcess(
      'worker',
      WORKER_MAIN,
      {
        ...common,
        WORKER_HEALTH_PORT: String(healthPort),
        AUDIT_SIGNING_KEY: audit.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      `http://127.0.0.1:${healthPort}/health/ready`,
      join(this.logDir, 'worker.log'),
    );
    await Promise.all([this.api.start(), this.worker.start()]);
    await this.seed(options);
    this.queues = [QUEUES.fanout, QUEUES.email, QUEUES.webhook].map(
      (queue) =>
        new Queue(queue, {
          connection: { ...bullConnection(this.redis.url), enableOfflineQueue: false },
          prefix: common.QUEUE_PREFIX,
        }),
    );
    for (const queue of this.queues) queue.on('error', () => undefined);
  }

  /** Two teams of three (and the bulk team), straight in SQL; then sign-ins and webhooks over HTTP. */
  private async seed(options: RigOptions): Promise<void> {
    const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
    const capital = randomUUID();
    await this.owner.query(
      `INSERT INTO capitals (id, name, country_code, timezone) VALUES ($1, 'Bangkok', 'THA', 'Asia/Bangkok')`,
      [capital],
    );
    for (const key of ['A', 'B'] as const) {
      const teamId = randomUUID();
      this.teams[key] = teamId;
      await this.owner.query('INSERT INTO teams (id, name, capital_id) VALUES ($1, $2, $3)', [
        teamId,
        `Team ${key}`,
        capital,
      ]);
      for (const role of ['lead', 'officer', 'officer'] as const) {
        const id = randomUUID();
        const email = `${role}-${key.toLowerCase()}-${this.users.length}@rilon.test`;
        await this.owner.query(
          `INSERT INTO users (id, email, display_name, member_code, status, password_hash)
           VALUES ($1, $2, $3, 'THA', 'active', $4)`,
          [id, email, `${role} ${key}${this.users.length}`, hash],
        );
        await this.owner.query(
          'INSERT INTO team_memberships (team_id, user_id, role) VALUES ($1, $2, $3)',
          [teamId, id, role],
        );
        await this.owner.query(
          `INSERT INTO notification_subscriptions (user_id, rules) VALUES ($1, '[{"email":"immediate"}]')`,
          [id],
        );
        this.users.push({ id, email, teamId, role, token: '' });
      }
    }
    if (options.bulkReaders) {
      const teamId = randomUUID();
      this.teams.C = teamId;
      await this.owner.query(`INSERT INTO teams (id, name, capital_id) VALUES ($1, 'Team C', $2)`, [
        teamId,
        capital,
      ]);
      const rows = await this.owner.query(
        `WITH u AS (
           INSERT INTO users (id, email, display_name, member_code)
           SELECT gen_random_uuid(), 'bulk-' || g || '@rilon.test', 'Reader ' || g, 'THA'
             FROM generate_series(1, $1::int) g RETURNING id)
         INSERT INTO team_memberships (team_id, user_id, role)
         SELECT $2, id, 'officer' FROM u RETURNING user_id`,
        [options.bulkReaders, teamId],
      );
      this.bulkIds = rows.rows.map((r: { user_id: string }) => r.user_id);
    }
    for (const user of this.users) {
      const res = await call(this.apiUrl, 'POST', '/auth/login', undefined, {
        email: user.email,
        password: PASSWORD,
      });
      if (res.status !== 200) throw new Error(`sign-in of ${user.email}: ${res.status}`);
      user.token = res.body.accessToken;
    }
    for (const key of ['A', 'B'] as const) {
      const secret = `fault-${key}-${randomBytes(12).toString('hex')}`;
      this.secrets[key] = secret;
      const res = await call(
        this.apiUrl,
        'PUT',
        `/teams/${this.teams[key]}/webhook`,
        this.lead(key).token,
        { url: this.hooks.endpoint(key, secret), secret },
      );
      if (res.status !== 200) throw new Error(`webhook of team ${key}: ${res.status}`);
    }
  }

  lead(team: 'A' | 'B'): RigUser {
    return this.users.find((u) => u.teamId === this.teams[team] && u.role === 'lead')!;
  }

  /** One lane per officer: each creates, the officer's lead publishes. */
  lanes(): Lane[] {
    return this.users
      .filter((u) => u.role === 'officer')
      .map((u) => ({
        teamId: u.teamId,
        authorToken: u.token,
        leadToken: this.users.find((l) => l.teamId === u.teamId && l.role === 'lead')!.token,
      }));
  }

  load(tag = this.name, paceMs = 1000): LoadClient {
    return new LoadClient(() => this.apiUrl, this.lanes(), `Fault ${tag}`, paceMs);
  }

  /** Rows whose title the load client gave an unanswered creation: it must have none. */
  async reportsTitled(titles: string[]): Promise<string[]> {
    if (titles.length === 0) return [];
    const { rows } = await this.owner.query('SELECT title FROM reports WHERE title = ANY($1)', [
      titles,
    ]);
    return rows.map((r: { title: string }) => r.title);
  }

  /** Jobs still to run on the delivery queues (waiting, active, delayed, ...). */
  async queueBacklog(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const queue of this.queues)
      out[queue.name] = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'failed',
      );
    return out;
  }

  /**
   * The published reports of `tag`, each with its one publication event. Checks that no
   * report has two, and that every report the client was told is published is.
   */
  private async publications(tag: string) {
    const { rows } = await this.owner.query(
      `SELECT r.id, r.status, r.author_id, o.id AS outbox_id, o.event_key,
              o.payload->>'actorId' AS actor_id
         FROM reports r
         LEFT JOIN outbox_events o ON o.type = 'report.published' AND o.payload->>'reportId' = r.id::text
        WHERE r.title LIKE $1`,
      [`Fault ${tag} %`],
    );
    return rows as Array<{
      id: string;
      status: string;
      outbox_id: string | null;
      event_key: string | null;
      actor_id: string | null;
    }>;
  }

  /**
   * Waits until every publication of `tag` reached every channel and nothing is left to
   * run, then checks each recipient got it exactly once: one inbox row, one e-mail (by its
   * Message-ID) and, per team, one webhook delivery (by X-Rilon-Delivery). E-mails and
   * webhooks are sent at least once (docs/domain.md, "Channels"): a copy under the same id is counted, not
   * a failure; a missing one or a second id is.
   */
  async expectExactlyOnce(
    tag: string,
    toldPublished: string[],
    timeoutMs = 240_000,
  ): Promise<DeliveryTally> {
    const everyone = [...this.users.map((u) => u.id), ...this.bulkIds];
    const mailed = new Map(this.users.map((u) => [u.id, u.email]));
    const expectedOf = async () => {
      const rows = await this.publications(tag);
      const published = rows.filter((r) => r.status === 'published');
      return { rows, published };
    };
    // Phase 1: everything expected has arrived somewhere.
    await waitFor(
      async () => {
        const { published } = await expectedOf();
        if (published.some((p) => !p.outbox_id)) return false;
        const ids = published.map((p) => p.outbox_id);
        const { rows } = await this.owner.query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE email = 'immediate')::int AS mails
             FROM notifications WHERE outbox_event_id = ANY($1::bigint[])`,
          [ids],
        );
        const wantRows = published.length * (everyone.length - 1);
        const wantMails = published.length * (this.users.length - 1);
        const mails = new Set(this.smtp.messages.map((m) => header(m, 'Message-ID'))).size;
        const hooks = new Set(this.hooks.deliveries.map((d) => d.headers['x-rilon-delivery'])).size;
        return rows[0].n >= wantRows && mails >= wantMails && hooks >= published.length * 2;
      },
      timeoutMs,
      `every delivery of the ${tag} publications`,
    ).catch(async (error: Error) => {
      throw new Error(
        `${error.message}\nqueues: ${JSON.stringify(await this.queueBacklog().catch(() => 'unreachable'))}\n${await this.diagnostics()}`,
      );
    });
    // Phase 2: nothing is left to run that could still deliver something twice.
    await waitFor(
      async () => {
        const backlog = await this.queueBacklog();
        const idle = Object.values(backlog).every(
          (c) => c.waiting + c.active + c.delayed + c.prioritized === 0,
        );
        const { rows } = await this.owner.query(
          `SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL
              OR (type LIKE 'report.%' AND fanned_out_at IS NULL)`,
        );
        return idle && rows[0].n === 0;
      },
      60_000,
      'the queues and the outbox to empty',
    );

    const { rows, published } = await expectedOf();
    // Every report the client was told is published is, each with one publication event.
    for (const id of toldPublished) expect(published.map((p) => p.id)).toContain(id);
    const events = new Map<string, number>();
    for (const r of rows) if (r.outbox_id) events.set(r.id, (events.get(r.id) ?? 0) + 1);
    expect([...events.values()].filter((n) => n !== 1)).toEqual([]);
    expect(rows.filter((r) => r.status !== 'published' && r.outbox_id)).toEqual([]);

    // The inbox: each reader once per publication, the publishing lead never.
    const { rows: notes } = await this.owner.query(
      `SELECT n.id, n.user_id, n.email, n.outbox_event_id::text AS outbox_id
         FROM notifications n WHERE n.outbox_event_id = ANY($1::bigint[])`,
      [published.map((p) => p.outbox_id)],
    );
    const wantMessageIds = new Map<string, string>();
    for (const p of published) {
      const mine = notes.filter((n: { outbox_id: string }) => n.outbox_id === String(p.outbox_id));
      const users = mine.map((n: { user_id: string }) => n.user_id).sort();
      expect({ report: p.id, users }).toEqual({
        report: p.id,
        users: everyone.filter((id) => id !== p.actor_id).sort(),
      });
      for (const n of mine as Array<{ id: string; user_id: string; email: string }>) {
        if (!mailed.has(n.user_id)) continue;
        expect({ user: n.user_id, email: n.email }).toEqual({
          user: n.user_id,
          email: 'immediate',
        });
        wantMessageIds.set(`<notification.${n.id}.email@rilon.test>`, mailed.get(n.user_id)!);
      }
    }

    // E-mail: exactly the expected Message-IDs, each to its own recipient.
    const byId = new Map<string, string[][]>();
    for (const m of this.smtp.messages) {
      const id = header(m, 'Message-ID') ?? '(none)';
      byId.set(id, [...(byId.get(id) ?? []), m.to]);
    }
    expect([...byId.keys()].sort()).toEqual([...wantMessageIds.keys()].sort());
    for (const [id, copies] of byId)
      for (const to of copies) expect({ id, to }).toEqual({ id, to: [wantMessageIds.get(id)] });

    // Webhooks: one delivery id per publication and team, signed with the team's secret.
    const wantHooks = new Map<string, { team: 'A' | 'B'; report: string }>();
    for (const p of published)
      for (const team of ['A', 'B'] as const)
        wantHooks.set(`hook-${p.event_key}-${this.teams[team]}`, { team, report: p.id });
    const hookIds = new Map<string, number>();
    for (const d of this.hooks.deliveries) {
      const id = String(d.headers['x-rilon-delivery']);
      hookIds.set(id, (hookIds.get(id) ?? 0) + 1);
      const want = wantHooks.get(id);
      expect({ id, path: d.path, signed: d.signed, report: JSON.parse(d.raw).report?.id }).toEqual({
        id,
        path: `/${want?.team}`,
        signed: true,
        report: want?.report,
      });
    }
    expect([...hookIds.keys()].sort()).toEqual([...wantHooks.keys()].sort());

    const tally: DeliveryTally = {
      reports: published.length,
      notifications: notes.length,
      mails: byId.size,
      webhooks: hookIds.size,
      repeatedMails: this.smtp.messages.length - byId.size,
      repeatedWebhooks: this.hooks.deliveries.length - hookIds.size,
    };
    return tally;
  }

  /** Keeps what a scenario measured (test-results/faults/<name>.json), for the record. */
  async record(facts: Record<string, unknown>): Promise<void> {
    const dir = join(ROOT, 'test-results', 'faults');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${this.name}.json`), `${JSON.stringify(facts, null, 2)}\n`);
  }

  /** The apps' and PostgreSQL's last words, for a failure message. */
  async diagnostics(): Promise<string> {
    return [
      `api log:\n${await this.api?.logTail(3000)}`,
      `worker log:\n${await this.worker?.logTail(3000)}`,
      `postgres log:\n${await this.pg.logTail(1500)}`,
    ].join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all([this.api?.kill(), this.worker?.kill()]);
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    await this.owner?.end().catch(() => undefined);
    if (this.smtp.port) await this.smtp.stop().catch(() => undefined);
    if (this.hooks.url) await this.hooks.stop().catch(() => undefined);
    await this.redis.destroy();
    await this.pg.destroy();
    if (process.env.RILON_FAULTS_KEEP_LOGS !== '1')
      await rm(this.logDir, { recursive: true, force: true });
  }
}
