import { Cast, createCast, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { obs, ReportDriver, StatisticsBody } from './support/report-driver';

// Shared machine: starting the API and the cast can take longer than jest's default 5 s.
jest.setTimeout(60_000);

const IBC = 'irregular_border_crossing';

function stats(
  reportingCountry: string,
  period: string,
  observations: StatisticsBody['observations'],
) {
  return { reportingCountry, period, observations };
}

describe('GET /statistics/series', () => {
  let api: TestApi;
  let cast: Cast;
  let reports: ReportDriver;

  const series = async (token: string, query: string) => {
    const res = await api.get(`/statistics/series?${query}`, { token });
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.series as Array<{ key: string; count: number }>).map((p) => [p.key, p.count]),
    );
  };

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    reports = new ReportDriver(api);
    const { lead, otherLead, teamA, teamB } = cast;
    await reports.published(
      lead,
      teamA,
      'migration_statistics',
      stats('THA', '2025-01', [
        obs(IBC, 'MMR', 'land', 100),
        obs(IBC, 'AFG', 'air', 10),
        obs(IBC, 'LKA', 'sea', 5),
        obs('refusal_of_entry', 'MMR', 'air', 7),
      ]),
    );
    await reports.published(
      lead,
      teamA,
      'migration_statistics',
      stats('THA', '2025-02', [obs(IBC, 'MMR', 'land', 50), obs(IBC, 'AFG', 'air', 20)]),
    );
    await reports.published(
      otherLead,
      teamB,
      'migration_statistics',
      stats('LKA', '2025-01', [obs(IBC, 'MMR', 'sea', 30), obs(IBC, 'XXB', 'sea', 3)]),
    );
    // AMBER for team A alone: counts only for team A's members.
    await reports.published(
      lead,
      teamA,
      'migration_statistics',
      stats('MYS', '2025-01', [obs(IBC, 'MMR', 'land', 1000)]),
      { tlp: 'AMBER' },
    );
    // AMBER for team A and team B: both count it, nobody else does.
    await reports.published(
      lead,
      teamA,
      'migration_statistics',
      stats('MDV', '2025-01', [obs('facilitator_detected', 'BGD', 'sea', 2)]),
      { tlp: 'AMBER', teamIds: [teamB.id] },
    );
    // A draft never counts, nor does a withdrawn report.
    await reports.create(
      lead,
      teamA,
      'migration_statistics',
      stats('IDN', '2025-01', [obs(IBC, 'MMR', 'land', 9999)]),
    );
    const withdrawn = await reports.published(
      otherLead,
      teamB,
      'migration_statistics',
      stats('BGD', '2025-01', [obs(IBC, 'MMR', 'land', 777)]),
    );
    expect((await reports.withdraw(withdrawn, otherLead)).status).toBe(200);
  });
  afterAll(() => api.close());

  it('groups by reporting country, counting AMBER figures only for the distribution teams', async () => {
    const q = `indicator=${IBC}&groupBy=reportingCountry`;
    const teamA = { LKA: 33, MYS: 1000, THA: 185 };
    const others = { LKA: 33, THA: 185 };
    expect(await series(cast.lead.token, q)).toEqual(teamA);
    expect(await series(cast.officer.token, q)).toEqual(teamA);
    expect(await series(cast.observer.token, q)).toEqual(teamA);
    expect(await series(cast.otherLead.token, q)).toEqual(others);
    expect(await series(cast.otherOfficer.token, q)).toEqual(others);
    expect(await series(cast.admin.token, q)).toEqual(others);
    expect(await series(cast.auditor.token, q)).toEqual(others);
  });

  it('counts an AMBER report for every team on its distribution list', async () => {
    const q = 'indicator=facilitator_detected&groupBy=reportingCountry';
    for (const user of [cast.lead, cast.observer, cast.otherLead, cast.otherOfficer])
      expect(await series(user.token, q)).toEqual({ MDV: 2 });
    for (const user of [cast.admin, cast.auditor]) expect(await series(user.token, q)).toEqual({});
  });

  it('answers the documented shape with integer counts ordered by key', async () => {
    const res = await api.get(`/statistics/series?indicator=${IBC}&groupBy=month`, {
      token: cast.lead.token,
    });
    expect(res.body).toEqual({
      indicator: IBC,
      groupBy: 'month',
      series: [
        { key: '2025-01', count: 1148 },
        { key: '2025-02', count: 70 },
      ],
    });
  });

  it('groups by nationality and by border type', async () => {
    expect(await series(cast.lead.token, `indicator=${IBC}&groupBy=nationality`)).toEqual({
      AFG: 30,
      LKA: 5,
      MMR: 1180,
      XXB: 3,
    });
    expect(await series(cast.otherLead.token, `indicator=${IBC}&groupBy=nationality`)).toEqual({
      AFG: 30,
      LKA: 5,
      MMR: 180,
      XXB: 3,
    });
    expect(await series(cast.lead.token, `indicator=${IBC}&groupBy=borderType`)).toEqual({
      air: 30,
      land: 1150,
      sea: 38,
    });
  });

  it('filters by reporting country, nationality, border type and indicator', async () => {
    expect(
      await series(cast.lead.token, `indicator=${IBC}&groupBy=month&reportingCountry=THA`),
    ).toEqual({ '2025-01': 115, '2025-02': 70 });
    expect(
      await series(cast.lead.token, `indicator=${IBC}&groupBy=reportingCountry&nationality=MMR`),
    ).toEqual({ LKA: 30, MYS: 1000, THA: 150 });
    expect(
      await series(cast.lead.token, `indicator=${IBC}&groupBy=nationality&borderType=sea`),
    ).toEqual({ LKA: 5, MMR: 30, XXB: 3 });
    expect(await series(cast.lead.token, 'indicator=refusal_of_entry&groupBy=nationality')).toEqual(
      { MMR: 7 },
    );
    expect(await series(cast.lead.token, 'indicator=effective_return&groupBy=month')).toEqual({});
  });

  it('bounds months with inclusive from and to', async () => {
    const q = `indicator=${IBC}&groupBy=month`;
    expect(await series(cast.lead.token, `${q}&from=2025-02&to=2025-02`)).toEqual({
      '2025-02': 70,
    });
    expect(await series(cast.lead.token, `${q}&from=2025-02`)).toEqual({ '2025-02': 70 });
    expect(await series(cast.lead.token, `${q}&to=2025-01`)).toEqual({ '2025-01': 1148 });
    expect(await series(cast.lead.token, `${q}&from=2025-01&to=2025-02`)).toEqual({
      '2025-01': 1148,
      '2025-02': 70,
    });
    expect(await series(cast.lead.token, `${q}&from=2025-03`)).toEqual({});
  });

  it('refuses bad queries with 400 naming the fields', async () => {
    const cases: Array<[string, string]> = [
      ['groupBy=month', 'indicator'],
      [`indicator=${IBC}`, 'groupBy'],
      [`indicator=nonsense&groupBy=month`, 'indicator'],
      [`indicator=${IBC}&groupBy=tlp`, 'groupBy'],
      [`indicator=${IBC}&groupBy=month&from=2025-13`, 'from'],
      [`indicator=${IBC}&groupBy=month&to=2025-1`, 'to'],
      [`indicator=${IBC}&groupBy=month&from=2025-03&to=2025-02`, 'from'],
      [`indicator=${IBC}&groupBy=month&reportingCountry=ZZZ`, 'reportingCountry'],
      [`indicator=${IBC}&groupBy=month&nationality=mmr`, 'nationality'],
      [`indicator=${IBC}&groupBy=month&borderType=river`, 'borderType'],
      [`indicator=${IBC}&groupBy=month&tlp=GREEN`, 'tlp'],
      [`indicator=${IBC}&indicator=${IBC}&groupBy=month`, 'indicator'],
    ];
    for (const [query, field] of cases) {
      const res = await api.get(`/statistics/series?${query}`, { token: cast.officer.token });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });

  it('documents the series and enrolment routes in the OpenAPI document', async () => {
    const doc = await api.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths as Record<string, Record<string, { description?: string }>>;
    const key = (suffix: string) => Object.keys(paths).find((p) => p.endsWith(suffix))!;
    expect(paths[key('/statistics/series')].get).toBeDefined();
    expect(paths[key('/reports/{id}/enrolments')].post.description).toContain('409');
    expect(paths[key('/reports/{id}/enrolments')].post.description).toContain(
      'end of the deadline day in UTC',
    );
    expect(paths[key('/enrolments/{id}/decision')].post).toBeDefined();
  });

  it('is for signed-in, active users only', async () => {
    const q = `/statistics/series?indicator=${IBC}&groupBy=month`;
    expect((await api.get(q)).status).toBe(401);
    expect((await api.get(q, { token: cast.suspended.token })).status).toBe(401);
  });
});
