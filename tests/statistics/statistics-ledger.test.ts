import { Cast, createCast, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { BORDER_TYPES, COUNTRY_ALPHA3_CODES, STATISTICS_INDICATORS } from '@rilon/reports';
import { obs, ReportDriver } from './support/report-driver';

// Shared machine: starting the API and the cast can take longer than jest's default 5 s.
jest.setTimeout(60_000);

const IBC = 'irregular_border_crossing';

describe('one official figure per (reporting country, period)', () => {
  let api: TestApi;
  let cast: Cast;
  let reports: ReportDriver;

  const monthly = async (token: string, country: string): Promise<Record<string, number>> => {
    const res = await api.get(
      `/statistics/series?indicator=${IBC}&groupBy=month&reportingCountry=${country}`,
      { token },
    );
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.series as Array<{ key: string; count: number }>).map((p) => [p.key, p.count]),
    );
  };
  const figure = (country: string, period: string, count: number) => ({
    reportingCountry: country,
    period,
    observations: [obs(IBC, 'MMR', 'land', count)],
  });
  const holders = async (country: string): Promise<string[]> =>
    (
      await api.db.query(
        `SELECT report_id FROM statistics_figures WHERE reporting_country = $1 ORDER BY period`,
        [country],
      )
    ).map((r: { report_id: string }) => r.report_id);

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    reports = new ReportDriver(api);
  });
  afterAll(() => api.close());

  it('refuses a second published report for a pair, naming the first to whoever may read it', async () => {
    const { lead, teamA } = cast;
    const first = await reports.published(
      lead,
      teamA,
      'migration_statistics',
      figure('THA', '2025-01', 10),
    );
    const second = await reports.create(
      lead,
      teamA,
      'migration_statistics',
      figure('THA', '2025-01', 99),
    );
    const refused = await reports.publish(second, lead);
    expect(refused.status).toBe(409);
    expect(refused.body.existingReportId).toBe(first);
    expect(refused.body.detail).toContain(first);
    expect(await monthly(lead.token, 'THA')).toEqual({ '2025-01': 10 });
    expect(await holders('THA')).toEqual([first]);
  });

  it('does not name an existing report the caller may not read', async () => {
    const { lead, otherLead, teamA, teamB } = cast;
    const hidden = await reports.published(
      lead,
      teamA,
      'migration_statistics',
      figure('MYS', '2025-01', 10),
      { tlp: 'AMBER' },
    );
    const second = await reports.create(
      otherLead,
      teamB,
      'migration_statistics',
      figure('MYS', '2025-01', 5),
    );
    const refused = await reports.publish(second, otherLead);
    expect(refused.status).toBe(409);
    expect(refused.body.existingReportId).toBeUndefined();
    expect(JSON.stringify(refused.body)).not.toContain(hidden);
    // A team B member never sees the AMBER figure; the refused one never counted either.
    expect(await monthly(otherLead.token, 'MYS')).toEqual({});
    expect(await monthly(lead.token, 'MYS')).toEqual({ '2025-01': 10 });
  });

  it('lets exactly one of two simultaneous publications win', async () => {
    const { lead, otherLead, teamA, teamB } = cast;
    for (const period of ['2024-01', '2024-02', '2024-03']) {
      const a = await reports.create(lead, teamA, 'migration_statistics', figure('NZL', period, 1));
      const b = await reports.create(
        otherLead,
        teamB,
        'migration_statistics',
        figure('NZL', period, 2),
      );
      const outcomes = await Promise.all([reports.publish(a, lead), reports.publish(b, otherLead)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
      const winner = outcomes[0].status === 200 ? a : b;
      const rows = await api.db.query(
        `SELECT report_id FROM statistics_figures WHERE reporting_country = 'NZL' AND period = $1`,
        [`${period}-01`],
      );
      expect(rows).toEqual([{ report_id: winner }]);
    }
    const counted = await monthly(lead.token, 'NZL');
    expect(Object.keys(counted)).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('replaces the figures on amendment, also when the period moves', async () => {
    const { lead, teamA } = cast;
    const id = await reports.published(
      lead,
      teamA,
      'migration_statistics',
      figure('IDN', '2025-03', 40),
    );
    expect((await reports.amend(id, lead, figure('IDN', '2025-03', 45))).status).toBe(200);
    expect(await monthly(lead.token, 'IDN')).toEqual({ '2025-03': 45 });
    expect((await reports.amend(id, lead, figure('IDN', '2025-04', 46))).status).toBe(200);
    expect(await monthly(lead.token, 'IDN')).toEqual({ '2025-04': 46 });
    // The freed month can take another report; moving onto a held month is refused whole.
    const other = await reports.published(
      lead,
      teamA,
      'migration_statistics',
      figure('IDN', '2025-03', 7),
    );
    const clash = await reports.amend(id, lead, figure('IDN', '2025-03', 47));
    expect(clash.status).toBe(409);
    expect(clash.body.existingReportId).toBe(other);
    expect(await monthly(lead.token, 'IDN')).toEqual({ '2025-03': 7, '2025-04': 46 });
  });

  it('stops counting a withdrawn report and frees its pair', async () => {
    const { lead, otherLead, teamA, teamB } = cast;
    const id = await reports.published(
      lead,
      teamA,
      'migration_statistics',
      figure('BGD', '2025-05', 12),
    );
    expect(await monthly(otherLead.token, 'BGD')).toEqual({ '2025-05': 12 });
    expect((await reports.withdraw(id, lead)).status).toBe(200);
    expect(await monthly(otherLead.token, 'BGD')).toEqual({});
    await reports.published(otherLead, teamB, 'migration_statistics', figure('BGD', '2025-05', 13));
    expect(await monthly(lead.token, 'BGD')).toEqual({ '2025-05': 13 });
  });

  it('records 2000 observations in one statement', async () => {
    const { lead, teamA } = cast;
    const nationalities = COUNTRY_ALPHA3_CODES.slice(0, 45);
    const rows = [];
    for (const indicator of STATISTICS_INDICATORS)
      for (const nationality of nationalities)
        for (const borderType of BORDER_TYPES)
          rows.push(obs(indicator, nationality, borderType, 2));
    const body = { reportingCountry: 'PAK', period: '2025-06', observations: rows.slice(0, 2000) };
    await reports.published(lead, teamA, 'migration_statistics', body);
    const [{ n, total }] = await api.db.query(
      `SELECT count(*)::int AS n, sum(count)::int AS total
       FROM statistics_observations WHERE reporting_country = 'PAK'`,
    );
    expect({ n, total }).toEqual({ n: 2000, total: 4000 });
  });
});
