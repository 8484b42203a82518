import { createServer } from 'node:net';
import { Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Only PostgreSQL is indispensable: without Redis the API signs in, reads and writes. */
describe('while Redis is down', () => {
  let api: TestApi;
  let user: TestUser;

  beforeAll(async () => {
    api = await startApi({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    user = await new Factory(api).user();
  }, 60000);
  afterAll(() => api.close(), 30000);

  it('reports redis down and stays ready', async () => {
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ postgres: 'up', redis: 'down' });
  });

  it('signs in, reads and writes', async () => {
    const me = await api.get('/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
    const wrong = await api.post('/auth/login', {
      email: user.email,
      password: 'wrong-password-9',
    });
    expect(wrong.status).toBe(401);
    const changed = await api.post(
      '/me/password',
      { currentPassword: user.password, newPassword: 'redis-is-down-password' },
      { token: user.token },
    );
    expect(changed.status).toBe(204);
    const again = await api.post('/auth/login', {
      email: user.email,
      password: 'redis-is-down-password',
    });
    expect(again.status).toBe(200);
    const refreshed = await api.post('/auth/refresh', { refreshToken: again.body.refreshToken });
    expect(refreshed.status).toBe(200);
    const logout = await api.post('/auth/logout', undefined, {
      token: refreshed.body.accessToken,
    });
    expect(logout.status).toBe(204);
    // The revocation holds without Redis: the session check falls back to PostgreSQL.
    expect((await api.get('/me', { token: refreshed.body.accessToken })).status).toBe(401);
    const rows = await api.db.query<Array<{ action: string }>>(
      `SELECT action FROM audit_events WHERE actor_id = $1 ORDER BY seq`,
      [user.id],
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.password_change', 'auth.refresh', 'auth.logout']),
    );
  });
});
