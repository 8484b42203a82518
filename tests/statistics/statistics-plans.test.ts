import type { Actor } from '@rilon/core';
import { Client } from 'pg';
import {
  type SeriesFilter,
  StatisticsRepository,
} from '../../libs/reports/src/statistics/statistics.repository';
import { createTestDatabase, TestDatabase } from '../support/harness';

// 10^5 observations through the rollup triggers, on 2 shared cores.
jest.setTimeout(120_000);

const IBC = 'irregular_border_crossing';
const TEAM = '00000000-0000-4000-8001-000000000001';
const MEMBER = '00000000-0000-4000-8002-000000000013';

/**
 * 20 reporting countries x 30 months = 600 published migration_statistics reports (about
 * 10% AMBER, 2% RED, the rest CLEAR or GREEN) of 170 observations each: 5 indicators x 34
 * (nationality, border type) pairs over 200 nationalities and 3 border types. Every row
 * goes through the constraints and the triggers, in a few statements.
 */
const LOAD = [
  `INSERT INTO capitals (id, name, country_code, timezone)
   VALUES ('00000000-0000-4000-8000-000000000001', 'Plan Capital', 'THA', 'Asia/Bangkok')`,
  `INSERT INTO teams (id, name, capital_id)
   SELECT ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, 'Plan team ' || g,
     '00000000-0000-4000-8000-000000000001'
   FROM generate_series(1, 12) g`,
  `INSERT INTO users (id, email, display_name, member_code, status)
   SELECT ('00000000-0000-4000-8002-' || lpad(g::text, 12, '0'))::uuid, 'plan' || g || '@rilon.test',
     'Plan ' || g, 'THA', 'active'
   FROM generate_series(1, 24) g`,
  `INSERT INTO team_memberships (team_id, user_id, role)
   SELECT ('00000000-0000-4000-8001-' || lpad((1 + g % 12)::text, 12, '0'))::uuid,
     ('00000000-0000-4000-8002-' || lpad(g::text, 12, '0'))::uuid,
     CASE WHEN g <= 12 THEN 'lead' ELSE 'officer' END
   FROM generate_series(1, 24) g`,
  `INSERT INTO reports (id, type, team_id, author_id, title, tlp, distribution_team_ids,
     recipient_user_ids, body, status, published_at)
   SELECT ('00000000-0000-4000-8003-' || lpad((c * 1000 + m)::text, 12, '0'))::uuid,
     'migration_statistics',
     ('00000000-0000-4000-8001-' || lpad((1 + (c + m) % 12)::text, 12, '0'))::uuid,
     ('00000000-0000-4000-8002-' || lpad((1 + (c + m) % 12)::text, 12, '0'))::uuid,
     'Statistics ' || c || ' ' || m, t.tlp,
     CASE WHEN t.tlp = 'AMBER'
       THEN ARRAY[('00000000-0000-4000-8001-' || lpad((1 + (c + m) % 12)::text, 12, '0'))::uuid]
       ELSE '{}' END,
     CASE WHEN t.tlp = 'RED'
       THEN ARRAY[('00000000-0000-4000-8002-' || lpad((13 + (c + m) % 12)::text, 12, '0'))::uuid]
       ELSE '{}' END,
     jsonb_build_object('reportingCountry', 'C' || chr(65 + c), 'observations', '[]'::jsonb,
       'period', to_char(date '2020-01-01' + make_interval(months => m), 'YYYY-MM')),
     'published', now()
   FROM generate_series(0, 19) c CROSS JOIN generate_series(0, 29) m
     CROSS JOIN LATERAL (SELECT CASE WHEN (c * 7 + m * 13) % 50 = 0 THEN 'RED'
       WHEN (c * 7 + m * 13) % 10 = 1 THEN 'AMBER'
       WHEN (c + m) % 2 = 0 THEN 'GREEN' ELSE 'CLEAR' END AS tlp) t`,
  `INSERT INTO statistics_figures (report_id, reporting_country, period)
   SELECT id, body->>'reportingCountry', (body->>'period' || '-01')::date FROM reports`,
  `INSERT INTO statistics_observations
     (report_id, reporting_country, period, indicator, nationality, border_type, count)
   SELECT f.report_id, f.reporting_country, f.period,
     (ARRAY['${IBC}', 'refusal_of_entry', 'illegal_stay', 'asylum_application', 'return_decision'])[1 + k],
     chr(65 + n / 26) || chr(65 + n % 26) || 'N', (ARRAY['air', 'sea', 'land'])[1 + j % 3],
     abs(hashtext(f.report_id::text || k || j)) % 500
   FROM statistics_figures f CROSS JOIN generate_series(0, 4) k CROSS JOIN generate_series(0, 33) j
     CROSS JOIN LATERAL (SELECT (abs(hashtext(f.report_id::text || k)) + j * 6) % 200 AS n) x`,
  `ANALYZE`,
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

const scans = (plan: PlanNode, relation: string) =>
  nodes(plan).filter((n) => n['Relation Name'] === relation);

const ROLLUPS = ['statistics_rollup_months', 'statistics_rollup_years', 'statistics_rollup_totals'];
/** Each rollup's indexes: the primary key, and for months a range of them over a grouped grain. */
const ROLLUP_INDEX: Record<string, unknown> = {
  statistics_rollup_months: expect.stringMatching(
    /^(pk_statistics_rollup_months|ix_statistics_rollup_months_period)$/,
  ),
  statistics_rollup_years: 'pk_statistics_rollup_years',
  statistics_rollup_totals: 'pk_statistics_rollup_totals',
};
const anIndexScan = expect.stringMatching(/^(Index Scan|Index Only Scan|Bitmap Heap Scan)$/);

describe('statistics series plans at 10^5 observations', () => {
  let database: TestDatabase;
  let db: Client;
  const repository = new StatisticsRepository(null as never);
  const member: Actor = {
    userId: MEMBER,
    sessionId: 'plan',
    email: 'plan13@rilon.test',
    displayName: 'Plan 13',
    memberCode: 'THA',
    globalRole: null,
    teams: [{ teamId: TEAM, role: 'officer' }],
  };

  const plan = async (filter: Omit<SeriesFilter, 'indicator'>) => {
    const statement = repository.seriesStatement(member, { ...filter, indicator: IBC });
    const [row] = (await db.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params))
      .rows as Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>;
    return { source: statement.source, root: row['QUERY PLAN'][0].Plan };
  };

  /** The indexes `relation` is read through: a Bitmap Heap Scan names them on its children. */
  const indexesOn = (root: PlanNode, relation: string) =>
    scans(root, relation).flatMap((n) =>
      n['Index Name']
        ? [n['Index Name']]
        : (n.Plans ?? []).flatMap(nodes).flatMap((c) => (c['Index Name'] ? [c['Index Name']] : [])),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    for (const statement of LOAD) await db.query(statement);
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM statistics_observations'))
      .rows as Array<{ n: number }>;
    expect(n).toBe(102_000);
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  const rollupShapes: Array<[string, Omit<SeriesFilter, 'indicator'>, string, string]> = [
    ['by month', { groupBy: 'month' }, 'statistics_rollup_months', ''],
    ['by nationality', { groupBy: 'nationality' }, 'statistics_rollup_totals', 'n'],
    [
      'by country over a range',
      { groupBy: 'reportingCountry', fromDate: '2020-06-01', toDate: '2021-05-01' },
      'statistics_rollup_months',
      'c',
    ],
    [
      'by month for a nationality',
      { groupBy: 'month', nationality: 'AKN' },
      'statistics_rollup_months',
      'n',
    ],
    [
      'by border type for a country and a nationality',
      { groupBy: 'borderType', reportingCountry: 'CA', nationality: 'AKN' },
      'statistics_rollup_totals',
      'cnb',
    ],
    [
      'by nationality for a border type up to a month',
      { groupBy: 'nationality', borderType: 'air', toDate: '2021-01-01' },
      'statistics_rollup_months',
      'nb',
    ],
    [
      'matching nothing',
      { groupBy: 'month', reportingCountry: 'FRA' },
      'statistics_rollup_months',
      'c',
    ],
  ];

  it('reads the whole years of a range from the yearly rollup, the rest by month', async () => {
    const { source, root } = await plan({
      groupBy: 'nationality',
      fromDate: '2020-03-01',
      toDate: '2022-04-01',
    });
    expect(source).toEqual({ table: 'statistics_rollup_months', grain: 'n', years: true });
    expect(indexesOn(root, 'statistics_rollup_years')).toEqual(['pk_statistics_rollup_years']);
    expect(indexesOn(root, 'statistics_rollup_months')).toEqual([
      ROLLUP_INDEX.statistics_rollup_months,
      ROLLUP_INDEX.statistics_rollup_months,
    ]);
  });

  it.each(rollupShapes)(
    '%s reads its rollup through an index, and the other observations through one',
    async (_name, filter, table, grain) => {
      const { source, root } = await plan(filter);
      expect(source).toMatchObject({ table, grain });
      expect(scans(root, table).length).toBeGreaterThan(0);
      for (const rollup of ROLLUPS) {
        const read = scans(root, rollup);
        expect(read.map((n) => n['Node Type'])).toEqual(read.map(() => anIndexScan));
        expect(indexesOn(root, rollup)).toEqual(read.map(() => ROLLUP_INDEX[rollup]));
      }
      // The reports not in the rollups: their observations through an index, never a scan.
      const observations = scans(root, 'statistics_observations');
      expect(observations.map((n) => n['Node Type'])).toEqual(observations.map(() => anIndexScan));
      expect(indexesOn(root, 'statistics_observations')).toHaveLength(observations.length);
    },
  );

  const observationShapes: Array<[string, string, Omit<SeriesFilter, 'indicator'>]> = [
    [
      'by nationality for a country over a range',
      'ix_statistics_observations_indicator_country_period',
      { groupBy: 'nationality', reportingCountry: 'CA', fromDate: '2020-06-01' },
    ],
    [
      'by country for a nationality over a range',
      'ix_statistics_observations_indicator_nationality_period',
      { groupBy: 'reportingCountry', nationality: 'AKN', toDate: '2021-06-01' },
    ],
  ];

  it.each(observationShapes)(
    '%s reads the observations through %s',
    async (_name, index, filter) => {
      const { source, root } = await plan(filter);
      expect(source).toEqual({ table: 'statistics_observations' });
      const observations = scans(root, 'statistics_observations');
      expect(observations.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      expect(indexesOn(root, 'statistics_observations')).toContain(index);
    },
  );
});
