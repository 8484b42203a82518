import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, TestApi, type HttpResult } from '../support/harness';
import { envelope } from '../reports/report-fixtures';

jest.setTimeout(60000);

/**
 * Names and titles are one line: they stand in e-mail subjects and headers, notification
 * titles and webhook payloads, where a line break starts a new header or a forged line.
 */
describe('single-line fields refuse line breaks and control characters', () => {
  let api: TestApi;
  let cast: Cast;
  let reportId: string;
  let counter = 0;

  const BAD = [
    ['LF', 'Officer\nBcc: victim@example.org'],
    ['CR', 'Officer\r'],
    ['tab', 'Officer\tA'],
    ['NUL', 'Officer\u0000A'],
    ['DEL', 'Officer\u007fA'],
    ['NEL (C1)', 'Officer\u0085A'],
    ['C1 CSI', 'Officer\u009bA'],
    ['line separator', 'Officer\u2028A'],
    ['paragraph separator', 'Officer\u2029A'],
  ] as const;

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    const created = await api.post('/reports', envelope(cast.teamA.id), {
      token: cast.officer.token,
    });
    reportId = created.body.id;
  });
  afterAll(() => api.close());

  const calls = (value: string): Array<[string, () => Promise<HttpResult>, string]> => {
    const admin = { token: cast.admin.token };
    const n = ++counter;
    return [
      [
        'POST /invitations',
        () =>
          api.post(
            '/invitations',
            {
              email: `single-${n}@rilon.test`,
              displayName: value,
              memberCode: 'THA',
              teamId: cast.teamA.id,
              role: 'officer',
            },
            admin,
          ),
        'displayName',
      ],
      [
        'POST /users',
        () =>
          api.post(
            '/users',
            { email: `single-user-${n}@rilon.test`, displayName: value, memberCode: 'THA' },
            admin,
          ),
        'displayName',
      ],
      [
        'PATCH /users/:id',
        () => api.patch(`/users/${cast.officer.id}`, { displayName: value }, admin),
        'displayName',
      ],
      [
        'POST /teams',
        () => api.post('/teams', { name: value, capitalId: cast.teamA.capitalId }, admin),
        'name',
      ],
      [
        'PATCH /teams/:id',
        () => api.patch(`/teams/${cast.teamB.id}`, { name: `${value} (renamed)` }, admin),
        'name',
      ],
      [
        'POST /capitals',
        () =>
          api.post(
            '/capitals',
            { name: value, countryCode: 'KHM', timezone: 'Asia/Phnom_Penh' },
            admin,
          ),
        'name',
      ],
      [
        'POST /members',
        () => api.post('/members', { code: `K${n}X`, name: value, kind: 'state' }, admin),
        'name',
      ],
      [
        'POST /reports',
        () =>
          api.post('/reports', envelope(cast.teamA.id, 'visa_fraud_trend', { title: value }), {
            token: cast.officer.token,
          }),
        'title',
      ],
      [
        'PATCH /reports/:id',
        () => api.patch(`/reports/${reportId}`, { title: value }, { token: cast.officer.token }),
        'title',
      ],
    ];
  };

  it.each(BAD)('refuses %s with 400 naming the field, on every route', async (_name, value) => {
    for (const [route, call, field] of calls(value)) {
      const res = await call();
      expect({ route, status: res.status }).toEqual({ route, status: 400 });
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const fields = (res.body.errors as Array<{ field: string; message: string }>).filter(
        (e) => e.field === field,
      );
      expect({ route, messages: fields.map((e) => e.message) }).toEqual({
        route,
        // NUL is refused before validation, for every text field (well-formed-input.ts).
        messages: expect.arrayContaining([expect.stringMatching(/single line|U\+0000/)]),
      });
    }
  });

  it('takes names in any script, with punctuation and inner spaces', async () => {
    for (const value of [
      'Nguyễn Thị Minh Khai',
      "O'Brien – Lead (Kabul)",
      'ศูนย์ประสานงาน',
      'Ali  Khan',
    ]) {
      for (const [route, call] of calls(value)) {
        const res = await call();
        expect({ route, status: res.status }).toEqual({
          route,
          status: route.startsWith('PATCH') ? 200 : 201,
        });
      }
    }
  });
});
