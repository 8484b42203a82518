import { envelope } from '../../reports/report-fixtures';
import { Cast, createCast, Factory } from '../../support/factories';
import { HttpResult, startApi, TestApi } from '../../support/harness';

/**
 * What the property tests of every operation (every-operation.test.ts) found, pinned one
 * by one: each was a 500 before its fix.
 */
describe('found by fuzzing', () => {
  let api: TestApi;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
  }, 60_000);
  afterAll(() => api.close());

  const counts = async (): Promise<Record<string, number>> => {
    const rows: Array<Record<string, number>> = await api.db.query(
      `SELECT (SELECT count(*) FROM reports)::int AS reports,
              (SELECT count(*) FROM report_versions)::int AS versions,
              (SELECT count(*) FROM outbox_events)::int AS outbox,
              (SELECT count(*) FROM users)::int AS users`,
    );
    return rows[0];
  };

  function expectRefused(res: HttpResult, fields: string[], message: RegExp): void {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/problems/validation');
    const errors = res.body.errors as Array<{ field: string; message: string }>;
    expect(errors.map((e) => e.field)).toEqual(fields);
    for (const e of errors) expect(e.message).toMatch(message);
  }

  it('refuses a report type that Object.prototype holds (__proto__, constructor, toString) with 400 naming type', async () => {
    const before = await counts();
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await api.post(
        '/reports',
        { ...envelope(cast.teamA.id), type },
        { token: cast.officer.token },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).toContain('type');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses U+0000 in any text, which PostgreSQL cannot store, with 400 naming the field', async () => {
    const before = await counts();
    const nul = /U\+0000/;
    expectRefused(
      await api.post(
        '/reports',
        { ...envelope(cast.teamA.id), summary: 'Seen at\u0000 the border' },
        { token: cast.officer.token },
      ),
      ['summary'],
      nul,
    );
    const report = envelope(cast.teamA.id, 'modus_operandi');
    (report.body as Record<string, unknown>).indicators = ['fine', 'new\u0000luggage'];
    expectRefused(
      await api.post('/reports', report, { token: cast.officer.token }),
      ['body.indicators.1'],
      nul,
    );
    // A key is text too; the path names it without the NUL.
    expectRefused(
      await api.post(
        '/reports',
        { ...envelope(cast.teamA.id), ['x\u0000y']: 1 },
        { token: cast.officer.token },
      ),
      ['x\ufffdy'],
      nul,
    );
    // A multi-line text of another route, and a query value.
    expectRefused(
      await api.post(
        '/users',
        {
          email: 'nul.person@rilon.test',
          displayName: 'Nul',
          memberCode: 'THA',
          password: 'p\u0000'.repeat(8),
        },
        { token: cast.admin.token },
      ),
      ['password'],
      nul,
    );
    expectRefused(await api.get('/reports?q=a%00b', { token: cast.officer.token }), ['q'], nul);
    expectRefused(await api.get('/people?q=%00', { token: cast.officer.token }), ['q'], nul);
    expect(await counts()).toEqual(before);
  });
});
