import { createCast, Factory } from './support/factories';
import { startApi, TestApi } from './support/harness';

describe('the API boots', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({
      RILON_ADMIN_EMAIL: 'root@rilon.test',
      RILON_ADMIN_PASSWORD: 'a-long-admin-password',
    });
  });
  afterAll(() => api.close());

  it('answers health with the dependencies', async () => {
    const live = await api.get('/health/live');
    expect(live.status).toBe(200);
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ postgres: 'up', redis: 'up' });
    expect(ready.headers.get('x-request-id')).toBeTruthy();
  });

  it('signs in the bootstrap administrator', async () => {
    const res = await api.post('/auth/login', {
      email: 'ROOT@rilon.test',
      password: 'a-long-admin-password',
    });
    expect(res.status).toBe(200);
    const me = await api.get('/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'root@rilon.test',
      globalRole: 'admin',
      memberships: [],
    });
  });

  it('builds the cast', async () => {
    const cast = await createCast(new Factory(api));
    const me = await api.get('/me', { token: cast.lead.token });
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ teamId: cast.teamA.id, role: 'lead' }),
    ]);
    const suspended = await api.get('/me', { token: cast.suspended.token });
    expect(suspended.status).toBe(401);
    expect(suspended.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('request context', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('stamps audit rows of a POST with the caller address and the request id', async () => {
    const res = await api.post(
      '/auth/login',
      { email: 'nobody@rilon.test', password: 'wrong-password' },
      { headers: { 'x-request-id': 'trace-login-1' } },
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('trace-login-1');
    const rows: Array<{ ip: string; request_id: string }> = await api.db.query(
      "SELECT ip, request_id FROM audit_events WHERE action = 'auth.login' AND request_id = 'trace-login-1'",
    );
    expect(rows).toEqual([{ ip: '127.0.0.1', request_id: 'trace-login-1' }]);
  });
});
