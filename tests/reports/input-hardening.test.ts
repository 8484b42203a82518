import { randomUUID } from 'node:crypto';
import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { BODIES, envelope } from './report-fixtures';

jest.setTimeout(60000);

/** Inputs a reviewer found reaching PostgreSQL (a 500) or being silently ignored. */
describe('report input hardening', () => {
  let api: TestApi;
  let cast: Cast;
  const fields = (res: { body: any }) =>
    (res.body.errors ?? []).map((e: { field: string }) => e.field);
  const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

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

  describe('years PostgreSQL cannot store', () => {
    it.each(['0000-01', '0999-12', '1899-12', '10000-01'])(
      'a statistics period of %s -> 400 naming body.period',
      async (period) => {
        const res = await api.post(
          '/reports',
          envelope(cast.teamA.id, 'migration_statistics', {
            body: BODIES.migration_statistics(period),
          }),
          { token: cast.officer.token },
        );
        expect(res.status).toBe(400);
        expect(fields(res)).toContain('body.period');
      },
    );

    it.each([
      ['from=0000-01', 'from'],
      ['to=0000-01', 'to'],
      ['from=1899-12&to=2026-01', 'from'],
      ['from=2025-01&to=10000-01', 'to'],
    ])('GET /statistics/series?%s -> 400 naming %s', async (query, field) => {
      const res = await api.get(
        `/statistics/series?indicator=refusal_of_entry&groupBy=month&${query}`,
        {
          token: cast.officer.token,
        },
      );
      expect(res.status).toBe(400);
      expect(fields(res)).toContain(field);
    });

    it('a series over the widest sane range answers', async () => {
      const res = await api.get(
        '/statistics/series?indicator=refusal_of_entry&groupBy=month&from=1900-01&to=9999-12',
        { token: cast.officer.token },
      );
      expect(res.status).toBe(200);
    });

    it.each([
      ['visa_fraud_trend', 'periodStart', '0000-01-01'],
      ['visa_fraud_trend', 'periodStart', '0000-02-29'],
      ['visa_fraud_trend', 'periodStart', '10000-01-01'],
      ['modus_operandi', 'firstObserved', '0000-06-01'],
      ['training_offer', 'startDate', '0000-03-02'],
      ['training_offer', 'applicationDeadline', '10000-02-01'],
    ] as const)('%s body.%s of %s -> 400 naming it', async (type, field, value) => {
      const body: any = BODIES[type]();
      body[field] = value;
      const res = await api.post('/reports', envelope(cast.teamA.id, type, { body }), {
        token: cast.officer.token,
      });
      expect(res.status).toBe(400);
      expect(fields(res)).toContain(`body.${field}`);
    });

    it.each([
      'from=0000-01-01',
      'to=0000-01-01',
      'from=0000-01-01T00:00Z',
      'to=9999-12-31',
      'to=9999-12-31T23:59:59.999999Z',
    ])('GET /reports?%s never reaches PostgreSQL as an invalid instant', async (query) => {
      const res = await api.get(`/reports?${query}`, { token: cast.officer.token });
      expect([200, 400]).toContain(res.status);
    });
  });

  describe('forged GET /reports cursors', () => {
    it.each<[string, unknown]>([
      ['a bare number as sort key', ['1', randomUUID()]],
      ['a date alone', ['2026-01-01', randomUUID()]],
      ['seconds without microseconds', ['2026-01-01T00:00:00Z', randomUUID()]],
      ['year 0', ['0000-01-01T00:00:00.000000Z', randomUUID()]],
      ['February 31', ['2026-02-31T00:00:00.000000Z', randomUUID()]],
      ['hour 25', ['2026-01-01T25:00:00.000000Z', randomUUID()]],
      ['a number', [1767225600000, randomUUID()]],
      ['an id that is no uuid', ['2026-01-01T00:00:00.000000Z', '1']],
      ['a key with SQL', ["2026-01-01T00:00:00.000000Z' OR '1'='1", randomUUID()]],
    ])('%s -> 400 naming cursor', async (_what, values) => {
      const res = await api.get(`/reports?cursor=${cursorOf(values)}`, {
        token: cast.officer.token,
      });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['cursor']);
    });

    it('a well-formed cursor still pages', async () => {
      const first = await api.get('/reports?status=draft&limit=1', { token: cast.officer.token });
      expect(first.status).toBe(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const [key, id] = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString());
      expect(key).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      const second = await api.get(`/reports?status=draft&limit=1&cursor=${cursorOf([key, id])}`, {
        token: cast.officer.token,
      });
      expect(second.status).toBe(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });
  });
});
