import type { Actor } from '@rilon/core';
import type { ReportFilters } from '@rilon/reports';
import { ReportsRepository } from '../../libs/reports/src/reports.repository';
import { withAdmin } from '../support/db';
import { startApi, TestApi } from '../support/harness';

// The generator of `npm run bench -- scale` (CommonJS, shared with the benchmark).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const scaleData = require('../../scripts/bench/lib/scale-data.cjs') as {
  loadScaleData(client: unknown, options: Record<string, unknown>): Promise<unknown>;
  idOf(kind: string, ordinal: number): string;
};

/** A node of EXPLAIN (FORMAT JSON)'s tree, as far as these checks read it. */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'CTE Name'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];
const { idOf } = scaleData;

/**
 * The guard against regression of issue 10 (docs/architecture.md, "Lists at scale"): at
 * 10^5 published reports from the scale generator, each hot list statement, as the
 * repository builds it, walks the index built for it in the page's order (no sort of the
 * table, no sequential scan), and search's bounded walk and its collection of older hits use
 * the date index and the search index. Plans only: no timing is asserted.
 */
describe('the report list plans at 10^5 reports', () => {
  jest.setTimeout(120000);

  let api: TestApi;
  const repository = new ReportsRepository();
  // user 15: an officer of team 4 alone (scripts/bench/lib/scale-data.cjs)
  const officer = {
    userId: idOf('user', 15),
    teams: [{ teamId: idOf('team', 4), role: 'officer' }],
  } as Actor;

  beforeAll(async () => {
    api = await startApi();
    await withAdmin(
      (client) => scaleData.loadScaleData(client, { scale: 0.1, parts: ['reports'] }),
      api.database.url,
    );
  }, 120000);
  afterAll(() => api?.close());

  const explain = async ({ sql, params }: { sql: string; params: unknown[] }) => {
    const [row] = await api.db.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    return nodes(row['QUERY PLAN'][0].Plan);
  };
  const filters = (f: Partial<ReportFilters>): ReportFilters => ({
    status: 'published',
    limit: 50,
    ...f,
  });
  const indexesOf = (plan: PlanNode[]) =>
    plan.filter((n) => n['Index Name']).map((n) => n['Index Name']);

  const lists: Array<[string, Partial<ReportFilters>, string]> = [
    ['the first page', {}, 'ix_reports_published'],
    ['a rare type', { type: 'training_offer' }, 'ix_reports_type_status'],
    ['a team', { teamId: idOf('team', 4) }, 'ix_reports_team_status'],
    ['a country', { country: 'LKA' }, 'ix_report_countries_list'],
    [
      'a type and a country',
      { type: 'visa_fraud_trend', country: 'LKA' },
      'ix_report_countries_type_list',
    ],
    ['a country nobody names', { country: 'ISL' }, 'ix_report_countries_list'],
    [
      'a type and a country nobody names',
      { type: 'training_offer', country: 'ISL' },
      'ix_report_countries_type_list',
    ],
    ['AMBER+STRICT', { tlp: 'AMBER+STRICT' }, 'ix_reports_tlp_status'],
    ['urgent', { urgent: true }, 'ix_reports_urgent'],
  ];

  it.each(lists.map(([name, f, index]) => [name, index, f] as const))(
    '%s walks %s in date order',
    async (_name, index, f) => {
      const plan = await explain(repository.listSql(officer, filters(f)));
      expect(indexesOf(plan)).toContain(index);
      expect(plan.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      expect(plan.map((n) => n['Node Type'])).not.toContain('Sort');
    },
  );

  it.each([
    ['RED', { tlp: 'RED' as const }],
    ['RED of a team', { tlp: 'RED' as const, teamId: idOf('team', 5) }],
  ])('%s finds its few readable rows through the recipients index', async (_name, f) => {
    const plan = await explain(repository.listSql(officer, filters(f)));
    expect(indexesOf(plan)).toContain('ix_reports_recipients');
    expect(plan.map((n) => n['Node Type'])).toContain('BitmapOr');
    expect(plan.map((n) => n['Node Type'])).not.toContain('Seq Scan');
  });

  it("search's bounded walk takes the newest rows from the date index", async () => {
    const walk = repository.searchWalkSql(officer, filters({ q: 'hawala' }));
    const plan = await explain(walk);
    expect(indexesOf(plan)).toContain('ix_reports_published');
    expect(plan.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(walk.sql).toContain(`LIMIT ${walk.window})`);
  });

  it('search collects the older hits through the search index', async () => {
    const hits = repository.searchHitsSql(
      officer,
      filters({
        q: 'hawala',
        after: { key: '2021-01-01T00:00:00.000000Z', id: idOf('report', 1) },
      }),
    );
    const plan = await explain(hits);
    expect(indexesOf(plan)).toContain('ix_reports_search');
    expect(plan.map((n) => n['Node Type'])).not.toContain('Seq Scan');
  });
});
