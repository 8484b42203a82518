import { Factory } from '../support/factories';
import { HttpResult, startApi, TestApi } from '../support/harness';

const LEAK = /\bat \S+ \(|node_modules|QueryFailedError|\bSELECT\b|\bINSERT\b|\bUPDATE\b|stack/i;

function expectProblem(res: HttpResult, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(typeof res.body.detail).toBe('string');
  expect(typeof res.body.instance).toBe('string');
  expect(res.text).not.toMatch(LEAK);
  expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
}

/** What the contract promises of every answer, whatever the route. */
describe('the HTTP edge', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    token = (await new Factory(api).user()).token;
  }, 60000);
  afterAll(() => api.close());

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await api.call('POST', '/auth/login', { raw: '{"email": "a@b.c", "password": ' });
    expectProblem(res, 400);
  });

  it('answers a body over 256 KiB with 413 problem+json', async () => {
    const res = await api.call('POST', '/auth/login', {
      raw: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(300 * 1024) }),
    });
    expectProblem(res, 413);
  });

  it('answers an unsupported content type with 415 problem+json', async () => {
    const res = await api.call('POST', '/auth/login', {
      raw: 'email=a@b.c',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415);
    const xml = await api.call('POST', '/me/password', {
      token,
      raw: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expectProblem(xml, 415);
  });

  it('answers unknown routes and wrong methods with problem+json', async () => {
    expectProblem(await api.get('/no/such/route', { token }), 404);
    expectProblem(await api.get('/api/nothing-here'), 404);
    expectProblem(await api.get('/nothing-at-the-root'), 404);
    const wrong = await api.call('DELETE', '/auth/login');
    expect([404, 405]).toContain(wrong.status);
    expectProblem(wrong, wrong.status);
    const put = await api.call('PUT', '/health/live');
    expectProblem(put, put.status);
  });

  it('lists the invalid fields of a validation error', async () => {
    const res = await api.post('/auth/login', { email: 'not-an-email', extra: 1 });
    expectProblem(res, 400);
    const fields = (res.body.errors as Array<{ field: string; message: string }>).map(
      (e) => e.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
    const wrongType = await api.post('/auth/login', { email: 42, password: ['x'] });
    expectProblem(wrongType, 400);
  });

  it('answers 401 problem+json without a token or with a forged one', async () => {
    expectProblem(await api.get('/me'), 401);
    expectProblem(await api.get('/me', { token: 'eyJhbGciOiJub25lIn0.e30.' }), 401);
  });

  it('echoes a sane X-Request-Id and makes one otherwise, on every kind of answer', async () => {
    const echoed = await api.get('/health/live', { headers: { 'x-request-id': 'client-abc.123' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-abc.123');
    const onError = await api.get('/nope', { headers: { 'x-request-id': 'client-err-1' } });
    expect(onError.headers.get('x-request-id')).toBe('client-err-1');
    const on413 = await api.call('POST', '/auth/login', {
      raw: 'x'.repeat(300 * 1024),
      headers: { 'x-request-id': 'client-big-1' },
    });
    expect(on413.headers.get('x-request-id')).toBe('client-big-1');
    const insane = await api.get('/health/live', {
      headers: { 'x-request-id': 'has spaces <script>' + 'x'.repeat(200) },
    });
    const generated = insane.headers.get('x-request-id');
    expect(generated).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    expect(generated).not.toContain('script');
    const a = (await api.get('/me', { token })).headers.get('x-request-id');
    const b = (await api.get('/me', { token })).headers.get('x-request-id');
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
    for (const path of ['/health/ready', '/api/openapi.json', '/api/docs']) {
      expect((await api.get(path)).headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('publishes OpenAPI 3 and Swagger UI without a token', async () => {
    const doc = await api.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/audit-events']),
    );
    const ui = await api.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    expect(ui.text).toMatch(/swagger/i);
  });

  it('sends the helmet headers', async () => {
    for (const path of ['/me', '/health/live', '/nope']) {
      const res = await api.get(path, { token });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBeTruthy();
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers health and metrics at the root', async () => {
    expect((await api.get('/health/live')).body).toMatchObject({ status: 'ok' });
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ postgres: 'up', redis: 'up' });
    const metrics = await api.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.text).toMatch(/^rilon_http_requests_total\{.*status="404".*\} \d+/m);
    expect(metrics.text).toContain('rilon_api_process_cpu_seconds_total');
    expectProblem(await api.get('/api/v1/health/live'), 404);
  });
});
