import {
  canonicalEvent,
  canonicalGap,
  chainHash,
  DatabaseRoleCheck,
  DatabaseRoleRepository,
} from '@rilon/audit';
import { AppConfig, buildDataSourceOptions, ConfigError } from '@rilon/core';
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RunningWorker } from '../../apps/worker/src/create-worker';
import { withAdmin } from '../support/db';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';

interface Checkpoint {
  seq: string;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}
interface Verify {
  ok: boolean;
  full: boolean;
  fromSeq: number;
  verifiedThrough: number;
  headHash: string;
  firstBadSeq?: number;
  breaks: Array<{ seq: number; reason: string }>;
  truncated: boolean;
  checkpoint: Checkpoint | null;
}

/**
 * The runtime role, signed checkpoints and incremental verification: what stops (or shows)
 * someone with the database's rights rewriting the audit log.
 */
describe('audit checkpoints and database roles', () => {
  jest.setTimeout(60000);

  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi({ MAX_TRANSACTION_SECONDS: '5', AUDIT_CHECKPOINT_SECONDS: '1' });
    cast = await createCast(new Factory(api));
    worker = await startWorker(api);
  }, 60000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  }, 30000);

  const verify = async (full = true): Promise<Verify> => {
    const res = await api.get<Verify>(`/audit-events/verify?full=${full}`, {
      token: cast.auditor.token,
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const lastSeq = async (): Promise<number> => {
    const [row] = await api.db.query<Array<{ seq: number }>>(
      'SELECT max(seq)::int AS seq FROM audit_events',
    );
    return row.seq;
  };
  /** Another audit row, so that the sealer has something new to seal and sign. */
  const someActivity = async () => {
    const res = await api.post('/auth/login', { email: 'nobody@rilon.test', password: 'nope-no' });
    expect(res.status).toBe(401);
    return lastSeq();
  };
  /** Waits until a checkpoint covers `seq`, and returns the latest. */
  const signedThrough = (seq: number) =>
    waitFor(
      async () => {
        const [row] = await api.db.query<Array<{ seq: number }>>(
          'SELECT max(seq)::int AS seq FROM audit_checkpoints',
        );
        return row.seq !== null && row.seq >= seq ? row.seq : null;
      },
      30000,
      `a checkpoint through seq ${seq}`,
    );
  const asOwner = <T>(work: (c: Client) => Promise<T>) => withAdmin(work, api.database.url);

  it('signs the chain head with a key auditors can check on their own', async () => {
    const seq = await someActivity();
    await signedThrough(seq);
    const keys = await api.get<{ keys: Array<{ keyId: string; publicKey: string }> }>(
      '/audit-events/keys',
      { token: cast.auditor.token },
    );
    expect(keys.status).toBe(200);
    expect(keys.body.keys).toHaveLength(1);
    const [key] = keys.body.keys;
    expect(key.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const v = await verify(false);
    expect(v.ok).toBe(true);
    const checkpoint = v.checkpoint!;
    expect(checkpoint.keyId).toBe(key.keyId);
    // Checked with Node's crypto only, from the documented message: no project code involved.
    const message = `rilon-audit-checkpoint/v1\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.signedAt}\n`;
    expect(
      verifySignature(
        null,
        Buffer.from(message),
        createPublicKey(key.publicKey),
        Buffer.from(checkpoint.signature, 'base64'),
      ),
    ).toBe(true);
    const [chain] = await api.db.query<Array<{ hash: string }>>(
      'SELECT hash FROM audit_chain WHERE seq = $1',
      [checkpoint.seq],
    );
    expect(chain.hash).toBe(checkpoint.hash);
    // Officers and leads may not read the keys or verify.
    for (const token of [cast.officer.token, cast.lead.token]) {
      expect((await api.get('/audit-events/keys', { token })).status).toBe(403);
    }
  });

  it('starts a run after the last checkpoint found intact; full=true starts at the first event', async () => {
    await signedThrough(await someActivity());
    await verify(false);
    await signedThrough(await someActivity());
    const incremental = await verify(false);
    expect(incremental).toMatchObject({ ok: true, full: false });
    expect(incremental.fromSeq).toBeGreaterThan(0);
    expect(incremental.checkpoint!.seq).not.toBe('0');
    const full = await verify(true);
    expect(full).toMatchObject({ ok: true, full: true, fromSeq: 0 });
    expect(full.verifiedThrough).toBeGreaterThanOrEqual(incremental.verifiedThrough);
    const runs = await api.db.query<Array<{ full_run: boolean; ok: boolean }>>(
      'SELECT full_run, ok FROM audit_verifications ORDER BY started_at DESC LIMIT 2',
    );
    expect(runs).toEqual([
      { full_run: true, ok: true },
      { full_run: false, ok: true },
    ]);
  });

  it('gives the apps a role that cannot change, remove or unprotect audit rows', async () => {
    const [me] = await api.db.query<Array<{ user: string; superuser: boolean }>>(
      `SELECT current_user AS user, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
    );
    expect(me.superuser).toBe(false);
    for (const sql of [
      'ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_immutable',
      'ALTER TABLE audit_chain DISABLE TRIGGER trg_audit_chain_immutable',
      `UPDATE audit_checkpoints SET hash = hash`,
      'DELETE FROM audit_checkpoints',
      'DELETE FROM audit_verifications',
      'DROP TABLE audit_checkpoints',
      'TRUNCATE audit_chain CASCADE',
      "SET session_replication_role = 'replica'",
    ]) {
      await expect(api.db.query(sql)).rejects.toThrow(/permission denied|must be owner/);
    }
    // What it needs it has: reading the log and adding to it.
    const [count] = await api.db.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM audit_checkpoints',
    );
    expect(count.n).toBeGreaterThan(0);
  });

  it('refuses to start a production app that connects as the owner', async () => {
    const production = { nodeEnv: 'production' } as AppConfig;
    const connect = async (url: string) => {
      const ds = new DataSource(
        buildDataSourceOptions({ databaseUrl: url, entities: [], migrations: [] }),
      );
      return ds.initialize();
    };
    const owner = await connect(api.database.url);
    const runtime = await connect(api.database.runtimeUrl);
    try {
      await expect(
        new DatabaseRoleCheck(
          new DatabaseRoleRepository(owner),
          production,
        ).onApplicationBootstrap(),
      ).rejects.toThrow(ConfigError);
      await expect(
        new DatabaseRoleCheck(
          new DatabaseRoleRepository(owner),
          production,
        ).onApplicationBootstrap(),
      ).rejects.toThrow(/MIGRATION_DATABASE_URL/);
      await expect(
        new DatabaseRoleCheck(
          new DatabaseRoleRepository(runtime),
          production,
        ).onApplicationBootstrap(),
      ).resolves.toBeUndefined();
    } finally {
      await owner.destroy();
      await runtime.destroy();
    }
  });

  it('shows a rewrite that re-seals the chain, at the next signed checkpoint', async () => {
    const seq = await someActivity();
    const checkpointSeq = await signedThrough(seq);
    expect((await verify()).ok).toBe(true);
    // The owner's attack: change an early row and recompute every chain entry after it,
    // so that every link and every hash holds again.
    const [target] = await api.db.query<Array<{ seq: number }>>(
      `SELECT seq::int AS seq FROM audit_events WHERE action = 'auth.login' ORDER BY seq LIMIT 1`,
    );
    await asOwner(async (c) => {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_immutable');
      await c.query('ALTER TABLE audit_chain DISABLE TRIGGER trg_audit_chain_immutable');
      await c.query(`UPDATE audit_events SET outcome = 'failure' WHERE seq = $1`, [target.seq]);
      const { rows } = await c.query<{ kind: string; prev: string } & Record<string, string>>(
        `SELECT c.seq::text AS chain_seq, c.kind,
                (SELECT p.hash FROM audit_chain p WHERE p.seq = c.seq - 1) AS prev,
                e.seq::text AS seq, e.id::text AS id,
                to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
                e.actor_id::text AS actor_id, e.action, e.target_type, e.target_id, e.outcome,
                e.ip, e.request_id, e.details::text AS details
           FROM audit_chain c LEFT JOIN audit_events e ON e.seq = c.seq
          WHERE c.seq >= $1 ORDER BY c.seq`,
        [target.seq],
      );
      let prev = rows[0].prev ?? '0'.repeat(64);
      for (const row of rows) {
        const canonical =
          row.kind === 'event' ? canonicalEvent(row as never) : canonicalGap(row.chain_seq);
        const hash = chainHash(prev, canonical);
        await c.query('UPDATE audit_chain SET prev_hash = $2, hash = $3 WHERE seq = $1', [
          row.chain_seq,
          prev,
          hash,
        ]);
        prev = hash;
      }
      await c.query('ALTER TABLE audit_chain ENABLE TRIGGER trg_audit_chain_immutable');
      await c.query('ALTER TABLE audit_events ENABLE TRIGGER trg_audit_events_immutable');
      await c.query('COMMIT');
    });
    const after = await verify();
    expect(after.ok).toBe(false);
    // Every link and hash holds: only the signatures give it away.
    expect(after.breaks.every((b) => b.reason === 'checkpoint_hash')).toBe(true);
    expect(after.breaks.length).toBeGreaterThan(0);
    expect(after.breaks.at(-1)!.seq).toBeGreaterThanOrEqual(checkpointSeq);
    expect(after.firstBadSeq).toBeGreaterThanOrEqual(target.seq);
  });
});

/** A fresh chain for each tampering, so that one test's damage is not another's. */
describe('audit verification reports', () => {
  jest.setTimeout(60000);

  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi({ MAX_TRANSACTION_SECONDS: '5', AUDIT_CHECKPOINT_SECONDS: '1' });
    cast = await createCast(new Factory(api));
    worker = await startWorker(api);
  }, 60000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  }, 30000);

  const verifyRaw = (full = true) =>
    api.get<Verify>(`/audit-events/verify?full=${full}`, { token: cast.auditor.token });
  const sealedThrough = async (seq: number) =>
    waitFor(
      async () => {
        // Breaks of earlier tests stay (the log is append-only): wait for the seal alone.
        const v = (await verifyRaw()).body;
        return v.verifiedThrough >= seq ? v : null;
      },
      30000,
      `the chain through ${seq}`,
    );
  const behindTheTrigger = (sql: string, params: unknown[] = []) =>
    withAdmin(async (c) => {
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_immutable');
      try {
        await c.query(sql, params);
      } finally {
        await c.query('ALTER TABLE audit_events ENABLE TRIGGER trg_audit_events_immutable');
      }
    }, api.database.url);

  it('refuses a second run while one runs (409), then runs', async () => {
    const holder = new Client({ connectionString: api.database.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(7364310002)');
      const busy = await verifyRaw();
      expect(busy.status).toBe(409);
      expect(busy.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(busy.headers.get('retry-after')).toBe('5');
      expect(busy.body).toMatchObject({ type: expect.stringMatching(/verification-running$/) });
    } finally {
      await holder.end();
    }
    expect((await verifyRaw()).status).toBe(200);
  });

  it('aborts at COMMIT a transaction that outlived its audit deadline', async () => {
    const runner = api.db.createQueryRunner();
    let seq: number;
    try {
      await runner.startTransaction();
      const [row] = (await runner.query(
        `INSERT INTO audit_events (id, occurred_at, action, outcome)
         VALUES (gen_random_uuid(), clock_timestamp(), 'test.late', 'success') RETURNING seq::int AS seq`,
      )) as Array<{ seq: number }>;
      seq = row.seq;
      // MAX_TRANSACTION_SECONDS=5 here: an audit row must commit within 3 s of being written.
      await new Promise((resolve) => setTimeout(resolve, 3500));
      await expect(runner.commitTransaction()).rejects.toThrow(/audit deadline/);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
    const rows = await api.db.query('SELECT 1 FROM audit_events WHERE seq = $1', [seq]);
    expect(rows).toHaveLength(0);
    // A prompt one commits.
    await api.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO audit_events (id, occurred_at, action, outcome)
         VALUES (gen_random_uuid(), clock_timestamp(), 'test.prompt', 'success')`,
      );
    });
  });

  it('names a forged or foreign checkpoint', async () => {
    const [{ seq }] = await api.db.query<Array<{ seq: string }>>(
      `SELECT max(c.seq)::text AS seq FROM audit_chain c
        WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoints k WHERE k.seq = c.seq)
          AND c.seq < (SELECT max(seq) FROM audit_chain)`,
    );
    const [prior] = await api.db.query<Array<{ hash: string; key_id: string }>>(
      'SELECT hash, key_id FROM audit_checkpoints ORDER BY seq DESC LIMIT 1',
    );
    const [chain] = await api.db.query<Array<{ hash: string }>>(
      'SELECT hash FROM audit_chain WHERE seq = $1',
      [seq],
    );
    // As the runtime role could: a row with a signature that is not one.
    await api.db.query(
      `INSERT INTO audit_checkpoints (seq, hash, signed_at, key_id, signature)
       VALUES ($1, $2, now(), $3, $4)`,
      [seq, chain.hash, prior.key_id, Buffer.alloc(64, 7).toString('base64')],
    );
    const v = (await verifyRaw()).body;
    expect(v.breaks).toContainEqual({ seq: Number(seq), reason: 'checkpoint_signature' });
    const [{ other }] = await api.db.query<Array<{ other: string }>>(
      `SELECT max(c.seq)::text AS other FROM audit_chain c
        WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoints k WHERE k.seq = c.seq)
          AND c.seq < (SELECT max(seq) FROM audit_chain)`,
    );
    const [otherChain] = await api.db.query<Array<{ hash: string }>>(
      'SELECT hash FROM audit_chain WHERE seq = $1',
      [other],
    );
    await api.db.query(
      `INSERT INTO audit_checkpoints (seq, hash, signed_at, key_id, signature)
       VALUES ($1, $2, now(), 'ffffffffffffffff', $3)`,
      [other, otherChain.hash, Buffer.alloc(64, 1).toString('base64')],
    );
    expect((await verifyRaw()).body.breaks).toContainEqual({
      seq: Number(other),
      reason: 'checkpoint_unknown_key',
    });
  });

  it('lists every break, each once, and stops at 100', async () => {
    // As the API writes them, one row a statement; the sign-in throttle would stop real ones.
    await api.db.query(
      `INSERT INTO audit_events (id, occurred_at, action, outcome)
       SELECT gen_random_uuid(), clock_timestamp(), 'test.bulk', 'success' FROM generate_series(1, 130)`,
    );
    const [{ seq }] = await api.db.query<Array<{ seq: number }>>(
      'SELECT max(seq)::int AS seq FROM audit_events',
    );
    await sealedThrough(seq);
    const rows = await api.db.query<Array<{ seq: number }>>(
      `SELECT seq::int AS seq FROM audit_events WHERE action = 'test.bulk' ORDER BY seq LIMIT 3`,
    );
    const three = rows.map((r) => r.seq);
    await behindTheTrigger(
      `UPDATE audit_events SET details = details || '{"x": 1}' WHERE seq = ANY($1)`,
      [three],
    );
    const some = (await verifyRaw()).body;
    expect(some).toMatchObject({ ok: false, truncated: false });
    // The forged checkpoints of the test before are breaks too; the rows are each one 'hash'.
    expect(some.breaks.filter((b) => b.reason === 'hash')).toEqual(
      three.map((s) => ({ seq: s, reason: 'hash' })),
    );
    expect(some.verifiedThrough).toBeGreaterThanOrEqual(seq);

    await behindTheTrigger(
      `UPDATE audit_events SET details = details || '{"x": 1}' WHERE action = 'test.bulk'`,
    );
    const many = (await verifyRaw()).body;
    expect(many.ok).toBe(false);
    expect(many.truncated).toBe(true);
    expect(many.breaks).toHaveLength(100);
    expect(new Set(many.breaks.map((b) => `${b.seq}:${b.reason}`)).size).toBe(100);
    expect(many.verifiedThrough).toBe(many.breaks[99].seq);
  });
});
