import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { envelope } from './report-fixtures';

jest.setTimeout(60000);

/** Inputs a reviewer found reaching PostgreSQL (a 500) or being silently ignored. */
describe('report input hardening', () => {
  let api: TestApi;
  let cast: Cast;
  const fields = (res: { body: any }) =>
    (res.body.errors ?? []).map((e: { field: string }) => e.field);

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
  });
  afterAll(() => api.close());

  describe('PATCH /reports/:id with null', () => {
    let id: string;
    let before: any;

    beforeAll(async () => {
      const created = await api.post('/reports', envelope(cast.teamA.id), {
        token: cast.officer.token,
      });
      expect(created.status).toBe(201);
      id = created.body.id;
      before = (await api.get(`/reports/${id}`, { token: cast.officer.token })).body;
    });

    it.each([
      'title',
      'summary',
      'tlp',
      'urgent',
      'sourceReliability',
      'informationCredibility',
      'body',
    ])('%s: null -> 400 naming it, the report unchanged', async (field) => {
      const res = await api.patch(
        `/reports/${id}`,
        { [field]: null },
        { token: cast.officer.token },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(fields(res)).toContain(field);
      const after = (await api.get(`/reports/${id}`, { token: cast.officer.token })).body;
      expect(after).toEqual(before);
    });

    it('null among valid changes still refuses the whole patch', async () => {
      const res = await api.patch(
        `/reports/${id}`,
        { title: 'A new title for the trend', urgent: null },
        { token: cast.officer.token },
      );
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['urgent']);
      expect((await api.get(`/reports/${id}`, { token: cast.officer.token })).body.title).toBe(
        before.title,
      );
    });

    it('distribution stays nullable: null means no list', async () => {
      const amber = await api.post(
        '/reports',
        envelope(cast.teamA.id, 'visa_fraud_trend', {
          tlp: 'AMBER',
          distribution: { teamIds: [cast.teamA.id, cast.teamB.id] },
        }),
        { token: cast.officer.token },
      );
      expect(amber.status).toBe(201);
      const res = await api.patch(
        `/reports/${amber.body.id}`,
        { distribution: null },
        { token: cast.officer.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.distribution).toEqual({ teamIds: [cast.teamA.id] });
    });
  });
});
