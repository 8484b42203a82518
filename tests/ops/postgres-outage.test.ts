import { Factory, TestUser } from '../support/factories';
import { createTestDatabase, startApi, TestApi, waitFor } from '../support/harness';
import { TcpProxy } from './support/tcp-proxy';

/** Every wait on PostgreSQL is bounded: an outage is a prompt 503, never a hang. */
describe('when PostgreSQL stops answering', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let user: TestUser;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await TcpProxy.start(direct.hostname, Number(direct.port || 5432));
    const viaProxy = new URL(database.runtimeUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    api = await startApi({ DATABASE_URL: viaProxy.toString() }, database);
    user = await new Factory(api).user();
  }, 60000);
  afterAll(async () => {
    proxy.pass();
    await api.close();
    await proxy.stop();
  }, 30000);

  /** A request with a hard deadline: a hang fails the test instead of stalling it. */
  const get = async (path: string, token?: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(10000),
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), text };
  };

  it('answers 503 problem+json, then recovers when PostgreSQL is back', async () => {
    expect((await get('/api/v1/me', user.token)).status).toBe(200);
    expect((await get('/health/ready')).status).toBe(200);

    proxy.blackhole();
    const me = await get('/api/v1/me', user.token);
    expect(me.status).toBe(503);
    expect(me.type).toContain('application/problem+json');
    expect(JSON.parse(me.text)).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(me.text).not.toMatch(/SELECT|timeout exceeded|ECONN|\bat \S+ \(/);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.type).toContain('application/problem+json');
    expect(JSON.parse(ready.text)).toMatchObject({ postgres: 'down' });
    const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
      signal: AbortSignal.timeout(10000),
    });
    expect(login.status).toBe(503);

    proxy.pass();
    await waitFor(async () => (await get('/health/ready')).status === 200, 15000, 'ready again');
    await waitFor(async () => (await get('/api/v1/me', user.token)).status === 200, 15000, '/me');
  }, 60000);
});
