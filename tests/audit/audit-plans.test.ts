import {
  AuditChainRepository,
  AuditEventsRepository,
  type AuditEventQuery,
  type Statement,
} from '@rilon/audit';
import { withAdmin } from '../support/db';
import { createCast, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

/** A node of EXPLAIN (FORMAT JSON)'s tree, as far as these checks read it. */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const EVENTS = 100_000;
const ACTOR = '00000000-0000-4000-8000-000000000007';
const REPORT = '00000000-0000-7000-8000-000000000123';
const NOBODY = '00000000-0000-4000-8000-0000000fffff';

/**
 * The guard against regression of issue 10 (docs/architecture.md, "The audit log at scale"):
 * at 10^5 audit events, each hot list query, as the repository builds it, walks the index
 * built for it in the page's order (no sort, no sequential scan), and the verifier's batch
 * walks both primary keys bounded on both sides. Plans only: no timing is asserted.
 */
describe('the audit plans at 10^5 events', () => {
  jest.setTimeout(60000);

  let api: TestApi;
  let events: AuditEventsRepository;
  let chain: AuditChainRepository;
  let auditorToken: string;

  beforeAll(async () => {
    api = await startApi();
    auditorToken = (await createCast(new Factory(api))).auditor.token;
    events = api.app.get(AuditEventsRepository);
    chain = api.app.get(AuditChainRepository);
    // As the owner, in one transaction: two years of occurred_at rising with seq, 2,000
    // actors, the mix of actions a network writes. The commit deadline is the only trigger
    // that minds old rows: its allowance is raised for this one load.
    await withAdmin(async (client) => {
      await client.query('BEGIN');
      await client.query(`SET LOCAL rilon.max_transaction_seconds = '1000000000'`);
      await client.query(
        `INSERT INTO audit_events (id, occurred_at, actor_id, action, target_type, target_id, outcome, ip, request_id, details)
         SELECT gen_random_uuid(),
                now() - interval '730 days' + g * interval '730 days' / $1,
                ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (g * 7919) % 2000), 12, '0'))::uuid,
                k.action, k.target_type,
                CASE WHEN k.target_type = 'report'
                     THEN '00000000-0000-7000-8000-' || lpad(to_hex(1 + (g::bigint * 104729) % 20000), 12, '0')
                     ELSE gen_random_uuid()::text END,
                k.outcome, '10.0.0.7', 'req-' || g, '{}'::jsonb
           FROM generate_series(1, $1) g
           CROSS JOIN LATERAL (
             SELECT * FROM (VALUES
               (40, 'report.read', 'report', 'success'), (58, 'auth.refresh', 'session', 'success'),
               (70, 'auth.login', 'session', 'success'), (72, 'auth.login', 'session', 'failure'),
               (80, 'report.create', 'report', 'success'), (88, 'report.update', 'report', 'success'),
               (92, 'report.publish', 'report', 'success'), (97, 'taxii.export', 'taxii_key', 'success'),
               (99, 'report.update.denied', 'report', 'denied'), (100, 'access.denied', NULL, 'denied')
             ) v(upto, action, target_type, outcome)
             WHERE (g * 37) % 100 < v.upto ORDER BY v.upto LIMIT 1) k
          ORDER BY g`,
        [EVENTS],
      );
      // The chain's rows only as the verifier's join needs them; no hash is checked here.
      await client.query(
        `INSERT INTO audit_chain (seq, kind, prev_hash, hash)
         SELECT seq, 'event', repeat('0', 64), repeat('0', 64) FROM audit_events`,
      );
      await client.query('COMMIT');
      await client.query('ANALYZE audit_events');
      await client.query('ANALYZE audit_chain');
    }, api.database.url);
  }, 60000);
  afterAll(() => api?.close());

  const explain = async ({ sql, params }: Statement): Promise<PlanNode> => {
    const [row] = await api.db.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    return row['QUERY PLAN'][0].Plan;
  };
  const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const farBack = { from: day(600), to: day(570) };

  const cases: Array<[string, Omit<AuditEventQuery, 'limit'>, string]> = [
    ['no filter', {}, 'ix_audit_events_time'],
    ['a month far back', farBack, 'ix_audit_events_time'],
    [
      'a bare day far back',
      { from: day(600).slice(0, 10), to: day(600).slice(0, 10) },
      'ix_audit_events_time',
    ],
    ['only `to`, far back', { to: day(600) }, 'ix_audit_events_time'],
    [
      'an action in a month far back',
      { action: 'report.publish', ...farBack },
      'ix_audit_events_action_time',
    ],
    ['an actor', { actorId: ACTOR }, 'ix_audit_events_actor_time'],
    ['an actor in a month far back', { actorId: ACTOR, ...farBack }, 'ix_audit_events_actor_time'],
    ['a target', { targetType: 'report', targetId: REPORT }, 'ix_audit_events_target_time'],
    [
      'a target type far back',
      { targetType: 'taxii_key', ...farBack },
      'ix_audit_events_target_type_time',
    ],
    ['denials', { outcome: 'denied' }, 'ix_audit_events_unsuccessful_time'],
    [
      'denials of one action',
      { outcome: 'denied', action: 'report.update.denied' },
      'ix_audit_events_unsuccessful',
    ],
    [
      'an action never denied, denied',
      { outcome: 'denied', action: 'report.read' },
      'ix_audit_events_unsuccessful',
    ],
    ['an actor that never acted', { actorId: NOBODY }, 'ix_audit_events_actor_time'],
    [
      'an action never taken',
      { action: 'auth.token_reuse', ...farBack },
      'ix_audit_events_action_time',
    ],
    [
      'the next page (cursor)',
      {
        action: 'report.publish',
        before: { seq: '50000', occurredAt: day(365).replace(/\.(\d{3})Z$/, '.$1000Z') },
      },
      'ix_audit_events_action_time',
    ],
    [
      'the next page (a cursor of seq alone)',
      { actorId: ACTOR, before: { seq: '50000' } },
      'ix_audit_events_actor_time',
    ],
  ];

  // A filter of a few dozen rows (an actor, a target) may be read through a bitmap of its
  // index and sorted; any larger one must walk its index in the page's order.
  const few = new Set(['ix_audit_events_actor_time', 'ix_audit_events_target_time']);

  it.each(cases)('%s: walks %s', async (_name, filter, index) => {
    const plan = await explain(events.listStatement({ ...filter, limit: 51 }));
    const all = nodes(plan);
    const types = all.map((n) => n['Node Type']);
    const scan = all.find((n) => n['Index Name'] === index);
    expect(scan?.['Node Type']).toMatch(few.has(index) ? /^(Bitmap )?Index Scan$/ : /^Index Scan$/);
    // In the index's order, backward: neither a sort nor a scan of the whole table.
    if (scan?.['Node Type'] === 'Index Scan') expect(types).not.toContain('Sort');
    expect(types).not.toContain('Seq Scan');
    if (filter.before) expect(scan?.['Index Cond']).toMatch(/ROW\(occurred_at, seq\) < ROW\(/);
  });

  it("bounds both sides of the verifier's batch join", async () => {
    const plan = await explain(chain.entriesBetweenStatement('60000', '100000', 10_000));
    const scans = nodes(plan).filter((n) => n['Relation Name'] !== undefined);
    const byTable = new Map(scans.map((n) => [n['Relation Name'], n]));
    for (const [table, index] of [
      ['audit_chain', 'audit_chain_pkey'],
      ['audit_events', 'audit_events_pkey'],
    ]) {
      const scan = byTable.get(table);
      expect({ table, node: scan?.['Node Type'], index: scan?.['Index Name'] }).toEqual({
        table,
        node: 'Index Scan',
        index,
      });
      expect(scan?.['Index Cond']).toMatch(/seq > '60000'::bigint\) AND \(seq <= '100000'::bigint/);
    }
    expect(scans.map((n) => n['Node Type'])).not.toContain('Seq Scan');
  });

  it('pages on with a cursor of seq alone, as issued before, and refuses a forged one', async () => {
    const list = (query: string) =>
      api.get<{ items: Array<{ seq: number }>; nextCursor: string | null }>(
        `/audit-events?actorId=${ACTOR}&limit=3${query}`,
        { token: auditorToken },
      );
    const first = await list('');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    const cursor = (values: unknown[]) =>
      `&cursor=${Buffer.from(JSON.stringify(values)).toString('base64url')}`;
    const old = await list(cursor([String(first.body.items[0].seq)]));
    expect(old.status).toBe(200);
    // The page after the first item, whose time the server reads by its seq.
    expect(old.body.items.slice(0, 2)).toEqual(first.body.items.slice(1));
    const next = await list(`&cursor=${first.body.nextCursor}`);
    expect(next.body.items[0].seq).toBeLessThan(first.body.items[2].seq);
    for (const forged of [
      ['2026-13-01T00:00:00.000000Z', '5'],
      ['2026-02-30T00:00:00.000000Z', '5'],
      ['yesterday', '5'],
      ['2026-01-01T00:00:00.000000Z', '-5'],
      ['x'],
    ]) {
      const res = await list(cursor(forged));
      expect(res.status).toBe(400);
      expect(res.text).toContain('cursor');
    }
  });
});
