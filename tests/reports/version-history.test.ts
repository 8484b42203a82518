import { createCast, Factory, type Cast, type TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { envelope, makeReport } from './report-fixtures';

jest.setTimeout(60000);

/**
 * Loosening a report's TLP must not open its stricter past: a version shows only to whoever
 * could read it under its own TLP and distribution, and may read the report now.
 */
describe('GET /reports/:id/versions after a TLP is loosened', () => {
  let api: TestApi;
  let cast: Cast;
  let outsider: TestUser;

  const history = async (id: string, user: TestUser) => {
    const res = await api.get(`/reports/${id}/versions`, { token: user.token });
    expect(res.status).toBe(200);
    return res.body.items.map((v: { version: number; tlp: string }) => `${v.version} ${v.tlp}`);
  };

  beforeAll(async () => {
    api = await startApi();
    const factory = new Factory(api);
    cast = await createCast(factory);
    outsider = await factory.user({ teams: [[(await factory.team()).id, 'officer']] });
  });
  afterAll(() => api.close());

  it('a RED v1 amended to GREEN v2: others see v2 only, the named recipient both', async () => {
    const r = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', {
        tlp: 'RED',
        distribution: { userIds: [cast.otherOfficer.id] },
        title: 'Red first version',
      }),
    );
    const amended = await api.patch(
      `/reports/${r.id}`,
      { tlp: 'GREEN', distribution: null, title: 'Green second version' },
      { token: cast.lead.token },
    );
    expect(amended.status).toBe(200);

    for (const user of [outsider, cast.otherLead, cast.observer, cast.admin])
      expect(await history(r.id, user)).toEqual(['2 GREEN']);
    for (const user of [cast.otherOfficer, cast.officer, cast.lead])
      expect(await history(r.id, user)).toEqual(['1 RED', '2 GREEN']);

    const seen = await api.get(`/reports/${r.id}/versions`, { token: outsider.token });
    expect(JSON.stringify(seen.body)).not.toContain('Red first version');
  });

  it('an AMBER v1 for team B amended to GREEN v2: team B sees both, another team v2 only', async () => {
    const r = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', {
        tlp: 'AMBER',
        distribution: { teamIds: [cast.teamB.id] },
      }),
    );
    const amended = await api.patch(
      `/reports/${r.id}`,
      { tlp: 'GREEN', distribution: null },
      { token: cast.lead.token },
    );
    expect(amended.status).toBe(200);

    expect(await history(r.id, outsider)).toEqual(['2 GREEN']);
    for (const user of [cast.otherOfficer, cast.otherLead, cast.observer, cast.officer])
      expect(await history(r.id, user)).toEqual(['1 AMBER', '2 GREEN']);
  });

  it('a GREEN v1 tightened to RED v2 stays 404 to those who may not read it now', async () => {
    const r = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
    const amended = await api.patch(
      `/reports/${r.id}`,
      { tlp: 'RED', distribution: { userIds: [cast.otherOfficer.id] } },
      { token: cast.lead.token },
    );
    expect(amended.status).toBe(200);
    expect((await api.get(`/reports/${r.id}/versions`, { token: outsider.token })).status).toBe(
      404,
    );
    expect(await history(r.id, cast.otherOfficer)).toEqual(['1 GREEN', '2 RED']);
  });
});
