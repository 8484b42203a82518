import { connect } from 'node:net';
import { envelope } from '../reports/report-fixtures';
import { Cast, createCast, Factory } from '../support/factories';
import { HttpResult, startApi, TestApi } from '../support/harness';

const LEAK = /\bat \S+ \(|node_modules|QueryFailedError|\bSELECT\b|\bINSERT\b|stack/i;

function expectProblem(res: HttpResult, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(typeof res.body.detail).toBe('string');
  expect(typeof res.body.instance).toBe('string');
  expect(res.text).not.toMatch(LEAK);
  expect(res.headers.get('x-request-id')).toBeTruthy();
}

/** A 400 problem whose `errors` name exactly these fields. */
function expectRefusedFields(res: HttpResult, fields: string[]): void {
  expectProblem(res, 400);
  expect(res.body.type).toBe('/problems/validation');
  expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(fields);
  expect(res.body.errors[0].message).toMatch(/well-formed/);
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are (fetch would refuse or fix them) and reads the answer. */
function rawHttp(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = (head ?? '').split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine ?? '')?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${text.slice(0, 200)}`));
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({ status, headers, body: rest.join('\r\n\r\n') });
    });
  });
}

function expectRawProblem(res: RawResponse, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(typeof body.detail).toBe('string');
  expect(typeof body.instance).toBe('string');
  expect(res.headers['x-request-id']).toBeTruthy();
}

/**
 * Section 2 of issue 12 (first part): input no client should send is refused at the edge,
 * once for every route, as a problem document, before anything is written.
 */
describe('hostile input at the HTTP edge', () => {
  let api: TestApi;
  let cast: Cast;
  let port: number;

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    port = Number(new URL(api.baseUrl).port);
  }, 60_000);
  afterAll(() => api.close());

  const counts = async (): Promise<Record<string, number>> => {
    const rows: Array<Record<string, number>> = await api.db.query(
      `SELECT (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM reports)::int AS reports,
              (SELECT count(*) FROM audit_events)::int AS audit,
              (SELECT count(*) FROM outbox_events)::int AS outbox,
              (SELECT count(*) FROM team_memberships)::int AS memberships,
              (SELECT count(*) FROM sessions)::int AS sessions`,
    );
    return rows[0];
  };

  describe('strings that are not well-formed Unicode', () => {
    it('refuses a lone surrogate in a body string with 400 naming the field; nothing is written', async () => {
      const before = await counts();
      expectRefusedFields(
        await api.post('/auth/login', { email: 'a\ud800@rilon.test', password: 'x'.repeat(12) }),
        ['email'],
      );
      expectRefusedFields(
        await api.post('/auth/login', { email: cast.officer.email, password: 'pass\udfff' }),
        ['password'],
      );
      expectRefusedFields(
        await api.post(
          '/users',
          { email: 'new\udc00@rilon.test', displayName: 'New Person', memberCode: 'THA' },
          { token: cast.admin.token },
        ),
        ['email'],
      );
      expectRefusedFields(
        await api.post(
          '/users',
          { email: 'new.person@rilon.test', displayName: 'New \ud83d', memberCode: 'THA' },
          { token: cast.admin.token },
        ),
        ['displayName'],
      );
      expectRefusedFields(
        await api.put(
          `/teams/${cast.teamA.id}/members/${cast.officer.id}`,
          { role: '\ud800' },
          { token: cast.lead.token },
        ),
        ['role'],
      );
      expect(await counts()).toEqual(before);
    });

    it('names the path of a nested string, an array item or a key', async () => {
      const before = await counts();
      const report = envelope(cast.teamA.id);
      (report.body as Record<string, unknown>).route = {
        origin: 'LKA',
        transit: ['THA', 'M\udc00'],
        destination: 'AUS',
      };
      expectRefusedFields(await api.post('/reports', report, { token: cast.officer.token }), [
        'body.route.transit.1',
      ]);
      expectRefusedFields(
        await api.post(
          '/reports',
          { ...envelope(cast.teamA.id), title: '\ud800 title' },
          {
            token: cast.officer.token,
          },
        ),
        ['title'],
      );
      expectRefusedFields(
        await api.post('/auth/login', { email: 'a@rilon.test', password: 'x', ['k\udbff']: 1 }),
        ['k\ufffd'],
      );
      // Several at once, each named (and the first 50 at most).
      const many = await api.post('/auth/login', { email: '\ud800', password: '\udc00' });
      expectRefusedFields(many, ['email', 'password']);
      expect(await counts()).toEqual(before);
    });

    it('lets surrogate pairs (emoji, historic scripts) through to validation as usual', async () => {
      const res = await api.post('/auth/login', {
        email: 'a😀@rilon.test',
        password: '𓀀'.repeat(6),
      });
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors?.[0]?.message ?? '').not.toMatch(/well-formed/);
      const named = await api.post(
        '/users',
        { email: 'emoji.person@rilon.test', displayName: 'Somchai 🌏', memberCode: 'THA' },
        { token: cast.admin.token },
      );
      expect(named.status).toBe(201);
    });

    it('refuses a query string whose escapes are not UTF-8 (a lone surrogate among them), naming the parameter', async () => {
      const before = await counts();
      // %ED%A0%80 is how a lone U+D800 would be percent-encoded (CESU-8); %F0%9F is cut short.
      expectRefusedFields(await api.get('/reports?q=%ED%A0%80', { token: cast.officer.token }), [
        'q',
      ]);
      expectRefusedFields(
        await api.get('/reports?limit=10&q=ok&status=%F0%9F', { token: cast.officer.token }),
        ['status'],
      );
      expectRefusedFields(
        await api.get('/audit-events?action=%ED%B0%80', { token: cast.auditor.token }),
        ['action'],
      );
      expectRefusedFields(await api.get('/people?q=%C0%80', { token: cast.officer.token }), ['q']);
      expectRefusedFields(
        await api.get('/notifications?cursor=%FF', { token: cast.officer.token }),
        ['cursor'],
      );
      // Well-formed escapes of any script are fine.
      const thai = await api.get('/reports?q=%E0%B8%9B%E0%B8%A5%E0%B8%AD%E0%B8%A1', {
        token: cast.officer.token,
      });
      expect(thai.status).toBe(200);
      expect(await counts()).toEqual(before);
    });
  });

  describe('JSON nested deeper than any body of the API', () => {
    const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const objects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

    it('refuses 100,000 levels (found by fuzzing: a 500) with 400 naming the limit; nothing is written', async () => {
      const before = await counts();
      const cases: Array<[string, string, string | undefined]> = [
        ['/auth/login', arrays(100_000), undefined],
        ['/auth/refresh', arrays(100_000), undefined],
        ['/members', objects(40_000), cast.admin.token],
        ['/invitations', objects(40_000), cast.lead.token],
        ['/reports', `{"type":"modus_operandi","body":${objects(30_000)}}`, cast.officer.token],
      ];
      for (const [path, raw, token] of cases) {
        const res = await api.call('POST', path, { raw, token });
        expectProblem(res, 400);
        expect(res.body.type).toBe('/problems/validation');
        expect(res.body.detail).toBe('The JSON body is nested deeper than 32 levels');
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors[0].message).toBe('is nested deeper than 32 levels');
      }
      expect(await counts()).toEqual(before);
    });

    it('names where the nesting went too deep, and takes 32 levels', async () => {
      const res = await api.call('POST', '/reports', {
        raw: `{"title":"t","body":{"route":${arrays(40)}}}`,
        token: cast.officer.token,
      });
      expectProblem(res, 400);
      expect(res.body.errors[0].field).toBe(`body.route${'.0'.repeat(30)}`);
      // 32 levels pass the edge and meet the validators as usual; 33 do not.
      const deepest = await api.call('POST', '/auth/login', { raw: objects(32) });
      expectProblem(deepest, 400);
      expect(deepest.body.detail).not.toMatch(/nested/);
      const over = await api.call('POST', '/auth/login', { raw: objects(33) });
      expectProblem(over, 400);
      expect(over.body.errors[0].field).toBe(Array(32).fill('a').join('.'));
    });
  });

  describe('errors that Fastify or Node raise before routing', () => {
    it('answers a 20 KB URL with 414 problem+json, in the query or in the path', async () => {
      const long = 'a'.repeat(20 * 1024);
      for (const path of [`/reports?q=${long}`, `/reports/${long}`, `/nowhere/${long}`]) {
        const res = await api.get(path, { token: cast.officer.token });
        expectProblem(res, 414);
        expect(res.body.type).toBe('/problems/uri-too-long');
        // The answer does not echo the URL back whole.
        expect(res.text.length).toBeLessThan(1024);
      }
      // A path parameter longer than the router takes is a 414 too.
      const param = await api.get(`/reports/${'b'.repeat(300)}`, { token: cast.officer.token });
      expectProblem(param, 414);
      expect(param.text).not.toContain('b'.repeat(300));
    });

    it('answers oversized request headers with 431 problem+json', async () => {
      const res = await rawHttp(
        port,
        `GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'h'.repeat(40 * 1024)}\r\n\r\n`,
      );
      expectRawProblem(res, 431);
      expect(res.body).not.toContain('hhhhhhhhhh');
    });

    it('answers a request that is not HTTP, and a URL that is not UTF-8, with 400 problem+json', async () => {
      expectRawProblem(await rawHttp(port, 'GARBAGE\r\n\r\n'), 400);
      const bad = await api.get('/reports/%E0%A4%A', { token: cast.officer.token });
      expectProblem(bad, 400);
    });

    it('sends the router refusals with nosniff, like every other answer (found by fuzzing)', async () => {
      // The router answers these before helmet's hook has set its headers.
      for (const path of ['/reports/%E0%A4%A', `/reports/${'b'.repeat(300)}`]) {
        const res = await api.get(path, { token: cast.officer.token });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });

    it('answers malformed JSON and JSON escapes of nothing with 400 problem+json', async () => {
      for (const raw of ['{"email": "\\ud8"}', '{"email": "\\x41"}', '{"email": "a"', '\ufeff{}']) {
        expectProblem(await api.call('POST', '/auth/login', { raw }), 400);
      }
    });
  });
});
