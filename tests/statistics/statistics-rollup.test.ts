import { canReadSql, publicViewer, type ViewerSql } from '@rilon/reports';
import { MONTH_GRAINS, TOTAL_GRAINS } from '../../libs/reports/src/statistics/statistics-rollup';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { obs, ReportDriver, StatisticsBody } from './support/report-driver';

// Shared machine: starting the API and the cast can take longer than jest's default 5 s.
jest.setTimeout(120_000);

const IBC = 'irregular_border_crossing';
const ROE = 'refusal_of_entry';

/** A user as the visibility rule sees them, read from their memberships ($1: the user id). */
const STORED_VIEWER: ViewerSql = {
  userId: '$1::uuid',
  teamIds: 'ARRAY(SELECT team_id FROM team_memberships WHERE user_id = $1::uuid)',
  leadTeamIds: `ARRAY(SELECT team_id FROM team_memberships WHERE user_id = $1::uuid AND role = 'lead')`,
};

const COLUMN = {
  month: `to_char(o.period, 'YYYY-MM')`,
  nationality: 'o.nationality',
  reportingCountry: 'o.reporting_country',
  borderType: 'o.border_type',
} as const;

interface Shape {
  indicator: string;
  groupBy: keyof typeof COLUMN;
  reportingCountry?: string;
  nationality?: string;
  borderType?: string;
  from?: string;
  to?: string;
}

/** Every source the repository may pick: totals, months and the observations. */
const SHAPES: Shape[] = [
  { indicator: IBC, groupBy: 'month' },
  { indicator: IBC, groupBy: 'nationality' },
  { indicator: IBC, groupBy: 'reportingCountry', from: '2025-01', to: '2025-02' },
  { indicator: IBC, groupBy: 'borderType', reportingCountry: 'THA' },
  { indicator: IBC, groupBy: 'month', nationality: 'MMR' },
  { indicator: IBC, groupBy: 'nationality', borderType: 'land', to: '2025-01' },
  { indicator: IBC, groupBy: 'borderType', reportingCountry: 'THA', nationality: 'MMR' },
  { indicator: IBC, groupBy: 'month', reportingCountry: 'LKA', nationality: 'MMR' },
  { indicator: ROE, groupBy: 'reportingCountry' },
  { indicator: IBC, groupBy: 'borderType', from: '2023-02', to: '2025-01' },
  { indicator: IBC, groupBy: 'reportingCountry', from: '2023-01', to: '2024-12' },
  { indicator: IBC, groupBy: 'nationality', from: '2024-06' },
  { indicator: IBC, groupBy: 'month', reportingCountry: 'FRA' },
  // Ranges at the edges of whole years: a December alone (no whole year, nothing after it),
  // a January alone, a year's tail, a whole year, and a range across a year's end.
  {
    indicator: IBC,
    groupBy: 'reportingCountry',
    reportingCountry: 'THA',
    borderType: 'land',
    from: '2024-12',
    to: '2024-12',
  },
  { indicator: IBC, groupBy: 'nationality', from: '2025-01', to: '2025-01' },
  { indicator: IBC, groupBy: 'borderType', from: '2024-03', to: '2024-12' },
  { indicator: IBC, groupBy: 'reportingCountry', from: '2025-01', to: '2025-12' },
  { indicator: IBC, groupBy: 'nationality', borderType: 'air', from: '2024-12', to: '2025-01' },
  { indicator: IBC, groupBy: 'borderType', from: '2024-12', to: '2025-12' },
];

function stats(
  reportingCountry: string,
  period: string,
  scale: number,
  extra: StatisticsBody['observations'] = [],
): StatisticsBody {
  return {
    reportingCountry,
    period,
    observations: [
      obs(IBC, 'MMR', 'land', 100 * scale),
      obs(IBC, 'MMR', 'air', 3 * scale),
      obs(IBC, 'AFG', 'air', 10 * scale),
      obs(IBC, 'LKA', 'sea', 0),
      obs(ROE, 'MMR', 'air', 7 * scale),
      ...extra,
    ],
  };
}

describe('statistics rollups stay exact through the report lifecycle', () => {
  let api: TestApi;
  let cast: Cast;
  let reports: ReportDriver;
  let callers: Array<[string, TestUser]>;

  /** The series as the API answers it. */
  const answered = async (user: TestUser, shape: Shape) => {
    const query = new URLSearchParams(shape as unknown as Record<string, string>).toString();
    const res = await api.get(`/statistics/series?${query}`, { token: user.token });
    expect({ status: res.status, shape }).toEqual({ status: 200, shape });
    return res.body.series as Array<{ key: string; count: number }>;
  };

  /** The same sums straight from the observations, with the one visibility rule inside. */
  const direct = async (user: TestUser, shape: Shape) => {
    const args: unknown[] = [user.id, shape.indicator];
    const where = [
      'o.indicator = $2',
      `r.status = 'published'`,
      `r.type = 'migration_statistics'`,
      canReadSql('r', STORED_VIEWER),
    ];
    const add = (sql: string, value: string | undefined) => {
      if (value === undefined) return;
      args.push(value);
      where.push(sql.replace('?', `$${args.length}`));
    };
    add('o.reporting_country = ?', shape.reportingCountry);
    add('o.nationality = ?', shape.nationality);
    add('o.border_type = ?', shape.borderType);
    add(`o.period >= (? || '-01')::date`, shape.from);
    add(`o.period <= (? || '-01')::date`, shape.to);
    const rows: Array<{ key: string; count: number }> = await api.db.query(
      `SELECT ${COLUMN[shape.groupBy]} AS key, SUM(o.count)::int AS count
       FROM statistics_observations o JOIN reports r ON r.id = o.report_id
       WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
      args,
    );
    return rows;
  };

  /**
   * Every rollup row equals a fresh aggregate of the observations of the reports everyone
   * may read, and each figure says whether it is counted; then every caller's series equals
   * the direct aggregate, for every shape.
   */
  const expectExact = async () => {
    const everyone = `r.type = 'migration_statistics' AND r.status = 'published'
      AND (${canReadSql('r', publicViewer)}) IS TRUE`;
    const keep = (d: string, column: string) =>
      `CASE WHEN strpos(g.grain, '${d}') > 0 THEN o.${column} ELSE '' END`;
    const dims = `${keep('c', 'reporting_country')} AS c, ${keep('n', 'nationality')} AS n, ${keep('b', 'border_type')} AS b`;
    for (const [table, list, period, fresher] of [
      ['statistics_rollup_months', MONTH_GRAINS, ', period', ', o.period'],
      ['statistics_rollup_years', MONTH_GRAINS, ', period', `, date_trunc('year', o.period)::date`],
      ['statistics_rollup_totals', TOTAL_GRAINS, '', ''],
    ] as const) {
      const six = period ? ', 6' : '';
      const stored = await api.db.query(
        `SELECT grain, indicator, reporting_country AS c, nationality AS n, border_type AS b${period},
           total::int, observations FROM ${table} ORDER BY 1, 2, 3, 4, 5${period}`,
      );
      const fresh = await api.db.query(
        `SELECT g.grain, o.indicator, ${dims}${fresher}${period && ' AS period'},
           SUM(o.count)::int AS total, count(*)::int AS observations
         FROM statistics_observations o JOIN reports r ON r.id = o.report_id
           CROSS JOIN unnest($1::varchar[]) AS g(grain)
         WHERE ${everyone}
         GROUP BY 1, 2, 3, 4, 5${six} ORDER BY 1, 2, 3, 4, 5${six}`,
        [list],
      );
      expect(stored).toEqual(fresh);
    }
    const flags = await api.db.query(
      `SELECT f.report_id FROM statistics_figures f JOIN reports r ON r.id = f.report_id
       WHERE f.readable_by_all IS DISTINCT FROM (${everyone})`,
    );
    expect(flags).toEqual([]);
    for (const [who, user] of callers)
      for (const shape of SHAPES)
        expect({ who, shape, series: await answered(user, shape) }).toEqual({
          who,
          shape,
          series: await direct(user, shape),
        });
  };

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    reports = new ReportDriver(api);
    // No team (every caller's floor), an AMBER team's member, its lead, and an outsider.
    callers = [
      ['no team', cast.admin],
      ['team A officer', cast.officer],
      ['team A lead', cast.lead],
      ['team B officer', cast.otherOfficer],
    ];
  });
  afterAll(() => api.close());

  it('after publications of every handling, amendments, TLP changes and a withdrawal', async () => {
    const { lead, otherLead, officer, teamA, teamB } = cast;
    const green = await reports.published(
      lead,
      teamA,
      'migration_statistics',
      stats('THA', '2025-01', 1),
    );
    const amber = await reports.published(
      lead,
      teamA,
      'migration_statistics',
      stats('THA', '2025-02', 2),
      {
        tlp: 'AMBER',
      },
    );
    await reports.published(otherLead, teamB, 'migration_statistics', stats('LKA', '2025-01', 3), {
      tlp: 'RED',
      userIds: [officer.id],
    });
    const clear = await reports.published(
      otherLead,
      teamB,
      'migration_statistics',
      stats('LKA', '2025-02', 4),
      {
        tlp: 'CLEAR',
      },
    );
    // A draft never counts.
    await reports.create(lead, teamA, 'migration_statistics', stats('THA', '2025-03', 5));
    await expectExact();

    // Amended figures, a new nationality, same handling.
    expect(
      (await reports.amend(green, lead, stats('THA', '2025-01', 6, [obs(IBC, 'SYR', 'sea', 9)])))
        .status,
    ).toBe(200);
    await expectExact();

    // GREEN to AMBER: out of the rollups, still counted for team A.
    const toAmber = await api.patch(
      `/reports/${green}`,
      { tlp: 'AMBER', distribution: { teamIds: [] } },
      { token: lead.token },
    );
    expect(toAmber.status).toBe(200);
    await expectExact();

    // AMBER to CLEAR, with new figures under another period.
    const toClear = await api.patch(
      `/reports/${amber}`,
      { tlp: 'CLEAR', body: stats('THA', '2024-12', 7) },
      { token: lead.token },
    );
    expect(toClear.status).toBe(200);
    await expectExact();

    // Withdrawn: gone from the rollups and from every series.
    expect((await reports.withdraw(clear, otherLead)).status).toBe(200);
    expect((await reports.withdraw(green, lead)).status).toBe(200);
    await expectExact();
  });

  it('after bulk statements on the observations (insert, update, delete)', async () => {
    const { lead, teamA } = cast;
    const ids = [];
    for (const period of ['2023-01', '2023-02', '2023-03'])
      ids.push(
        await reports.published(lead, teamA, 'migration_statistics', stats('IDN', period, 1)),
      );
    await api.db.query(
      `INSERT INTO statistics_observations
         (report_id, reporting_country, period, indicator, nationality, border_type, count)
       SELECT f.report_id, f.reporting_country, f.period, $2, n, 'land', 5
       FROM statistics_figures f CROSS JOIN unnest(ARRAY['IRN', 'IRQ', 'SYR']) n
       WHERE f.report_id = ANY($1::uuid[])`,
      [ids, IBC],
    );
    await expectExact();
    await api.db.query(
      `UPDATE statistics_observations SET count = count + 1 WHERE report_id = ANY($1::uuid[])`,
      [ids],
    );
    await expectExact();
    await api.db.query(
      `DELETE FROM statistics_observations WHERE report_id = ANY($1::uuid[]) AND nationality <> 'MMR'`,
      [ids],
    );
    await expectExact();
  });
});
