import { RunningWorker } from '../../apps/worker/src/create-worker';
import { withAdmin } from '../support/db';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';

interface Verify {
  ok: boolean;
  full: boolean;
  fromSeq: number;
  verifiedThrough: number;
  headHash: string;
  firstBadSeq?: number;
  breaks: Array<{ seq: number; reason: string }>;
  truncated: boolean;
}

/** The hash chain over audit_events: sealing, gaps and tamper evidence. */
describe('the audit chain', () => {
  jest.setTimeout(40000);

  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi({ MAX_TRANSACTION_SECONDS: '5' });
    cast = await createCast(new Factory(api));
    worker = await startWorker(api);
  }, 60000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  }, 30000);

  /** `full`: from the first event; a tampering before the last checkpoint is found only so. */
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
  const sealedThrough = (seq: number) =>
    waitFor(
      async () => {
        const v = await verify();
        return v.ok && v.verifiedThrough >= seq ? v : null;
      },
      20000,
      `the chain to reach seq ${seq}`,
    );
  /** As the superuser: the only way around the trigger, and what an attacker would do. */
  const behindTheTrigger = (sql: string, params: unknown[] = []) =>
    withAdmin(async (c) => {
      await c.query('ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_immutable');
      try {
        await c.query(sql, params);
      } finally {
        await c.query('ALTER TABLE audit_events ENABLE TRIGGER trg_audit_events_immutable');
      }
    }, api.database.url);

  it('seals every committed row and verifies the chain', async () => {
    const seq = await lastSeq();
    const v = await sealedThrough(seq);
    expect(v.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof v.verifiedThrough).toBe('number');
    const [chain] = await api.db.query<Array<{ n: number; gaps: number; first: number }>>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE kind = 'gap')::int AS gaps,
              min(seq)::int AS first FROM audit_chain`,
    );
    expect(chain).toEqual({ n: v.verifiedThrough, gaps: 0, first: 1 });
    // The runtime role may not change it; the owner is stopped by the trigger.
    await expect(api.db.query('UPDATE audit_chain SET hash = prev_hash')).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      withAdmin((c) => c.query('UPDATE audit_chain SET hash = prev_hash'), api.database.url),
    ).rejects.toThrow(/append-only/);
  });

  it('records a rolled-back transaction as a gap and stays verifiable', async () => {
    const runner = api.db.createQueryRunner();
    let rolledBack: number;
    try {
      await runner.startTransaction();
      const [row] = (await runner.query(
        `INSERT INTO audit_events (id, occurred_at, action, outcome)
         VALUES (gen_random_uuid(), clock_timestamp(), 'test.rollback', 'success') RETURNING seq::int AS seq`,
      )) as Array<{ seq: number }>;
      rolledBack = row.seq;
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    // A later row shows the sequence moved on; five seconds after it, the gap is settled.
    const after = await api.post('/auth/login', {
      email: 'nobody@rilon.test',
      password: 'not-a-password',
    });
    expect(after.status).toBe(401);
    const seq = await lastSeq();
    expect(seq).toBeGreaterThan(rolledBack);
    await sealedThrough(seq);
    const [gap] = await api.db.query<Array<{ kind: string }>>(
      'SELECT kind FROM audit_chain WHERE seq = $1',
      [rolledBack],
    );
    expect(gap).toEqual({ kind: 'gap' });

    // A row that turns up where the chain recorded a gap is evidence too.
    await behindTheTrigger(
      `INSERT INTO audit_events (seq, id, occurred_at, action, outcome)
       VALUES ($1, gen_random_uuid(), now(), 'test.forged', 'success')`,
      [rolledBack],
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: rolledBack,
      breaks: [{ seq: rolledBack, reason: 'unexpected_event' }],
    });
    await behindTheTrigger('DELETE FROM audit_events WHERE seq = $1', [rolledBack]);
    expect((await verify()).ok).toBe(true);
  }, 40000);

  it('gives one verifiable chain with two sealers and commits out of order', async () => {
    const second = await startWorker(api);
    try {
      const rolledBack: number[] = [];
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const runner = api.db.createQueryRunner();
          try {
            await runner.startTransaction();
            const [row] = (await runner.query(
              `INSERT INTO audit_events (id, occurred_at, action, outcome)
               VALUES (gen_random_uuid(), clock_timestamp(), 'test.burst', 'success')
               RETURNING seq::int AS seq`,
            )) as Array<{ seq: number }>;
            // Hold some transactions open a little so that commits interleave out of seq order.
            await new Promise((resolve) => setTimeout(resolve, (i * 7) % 40));
            if (i % 10 === 3) {
              await runner.rollbackTransaction();
              rolledBack.push(row.seq);
            } else {
              await runner.commitTransaction();
            }
          } finally {
            await runner.release();
          }
        }),
      );
      const last = await api.post('/auth/login', { email: 'x@rilon.test', password: 'nope-nope' });
      expect(last.status).toBe(401);
      const seq = await lastSeq();
      await sealedThrough(seq);
      const chain = await api.db.query<Array<{ seq: number; kind: string }>>(
        'SELECT seq::int AS seq, kind FROM audit_chain WHERE seq = ANY($1) ORDER BY seq',
        [rolledBack],
      );
      expect(chain).toEqual(
        [...rolledBack].sort((a, b) => a - b).map((s) => ({ seq: s, kind: 'gap' })),
      );
      const [{ n }] = await api.db.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM audit_chain WHERE seq <= $1',
        [seq],
      );
      expect(n).toBe(seq);
    } finally {
      await second.close();
    }
  }, 40000);

  it('detects a row changed behind the trigger', async () => {
    const [target] = await api.db.query<Array<{ seq: number; details: string }>>(
      `SELECT seq::int AS seq, details::text AS details FROM audit_events
        WHERE action = 'auth.login' AND outcome = 'success' ORDER BY seq LIMIT 1 OFFSET 2`,
    );
    await behindTheTrigger(
      `UPDATE audit_events SET details = details || '{"forged": true}' WHERE seq = $1`,
      [target.seq],
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: target.seq,
      breaks: [{ seq: target.seq, reason: 'hash' }],
    });
    // Putting the exact value back restores the chain: the hash covers content, nothing else.
    await behindTheTrigger('UPDATE audit_events SET details = $2::jsonb WHERE seq = $1', [
      target.seq,
      target.details,
    ]);
    expect((await verify()).ok).toBe(true);
    await behindTheTrigger(
      `UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE seq = $1`,
      [target.seq + 1],
    );
    expect(await verify()).toMatchObject({
      ok: false,
      breaks: [{ seq: target.seq + 1, reason: 'hash' }],
    });
    await behindTheTrigger(
      `UPDATE audit_events SET occurred_at = occurred_at - interval '1 microsecond' WHERE seq = $1`,
      [target.seq + 1],
    );
    expect((await verify()).ok).toBe(true);
  });

  it('detects a broken link in the chain', async () => {
    const v = await verify();
    const seq = Math.max(2, v.verifiedThrough - 1);
    await withAdmin(async (c) => {
      await c.query('ALTER TABLE audit_chain DISABLE TRIGGER trg_audit_chain_immutable');
      try {
        await c.query('UPDATE audit_chain SET prev_hash = $2 WHERE seq = $1', [
          seq,
          'f'.repeat(64),
        ]);
        const bad = await verify();
        await c.query(
          'UPDATE audit_chain c SET prev_hash = p.hash FROM audit_chain p WHERE c.seq = $1 AND p.seq = $1 - 1',
          [seq],
        );
        expect(bad).toMatchObject({
          ok: false,
          firstBadSeq: seq,
          breaks: [{ seq, reason: 'link' }],
        });
      } finally {
        await c.query('ALTER TABLE audit_chain ENABLE TRIGGER trg_audit_chain_immutable');
      }
    }, api.database.url);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted row', async () => {
    const v = await verify();
    const [target] = await api.db.query<Array<{ seq: number }>>(
      `SELECT seq::int AS seq FROM audit_events WHERE seq <= $1 AND seq > 3 ORDER BY seq LIMIT 1`,
      [v.verifiedThrough],
    );
    await behindTheTrigger('DELETE FROM audit_events WHERE seq = $1', [target.seq]);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: target.seq,
      breaks: [{ seq: target.seq, reason: 'missing_event' }],
    });
  });
});
