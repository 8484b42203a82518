import { randomBytes } from 'node:crypto';
import { Factory, type TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

/**
 * A session id is no secret (the audit log names it). A refresh token forged from it, with
 * a secret the server never issued, must not end that session: only a secret that was once
 * valid and is spent proves the token was copied.
 */
describe('POST /auth/refresh: forged and spent secrets', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  const refresh = (refreshToken: string) => api.post('/auth/refresh', { refreshToken });
  const sessionOf = (user: TestUser) => user.refreshToken.split('.')[0];
  const revoked = async (sessionId: string): Promise<string | null> => {
    const rows: Array<{ revoked_reason: string | null }> = await api.db.query(
      'SELECT revoked_reason FROM sessions WHERE id = $1',
      [sessionId],
    );
    return rows[0].revoked_reason;
  };
  const audit = async (sessionId: string): Promise<string[]> => {
    const rows: Array<{ action: string; outcome: string; reason: string | null }> =
      await api.db.query(
        `SELECT action, outcome, details->>'reason' AS reason FROM audit_events
          WHERE target_id = $1 ORDER BY seq`,
        [sessionId],
      );
    return rows.map((r) => [r.action, r.outcome, r.reason].filter(Boolean).join(':'));
  };

  it('refuses a secret the server never issued with 401, and the session lives on', async () => {
    const user = await factory.user();
    const sessionId = sessionOf(user);
    for (const secret of [randomBytes(32).toString('base64url'), 'x', 'A'.repeat(43)]) {
      const res = await refresh(`${sessionId}.${secret}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await revoked(sessionId)).toBeNull();
    expect((await api.get('/me', { token: user.token })).status).toBe(200);
    const real = await refresh(user.refreshToken);
    expect(real.status).toBe(200);
    expect(await audit(sessionId)).toEqual([
      'auth.login:success',
      'auth.refresh:denied:unknown_secret',
      'auth.refresh:denied:unknown_secret',
      'auth.refresh:denied:unknown_secret',
      'auth.refresh:success',
    ]);
  });

  it('ends the session when a spent secret comes back, the last one or an older one', async () => {
    for (const back of [0, 2]) {
      const user = await factory.user();
      const tokens = [user.refreshToken];
      for (let i = 0; i < 3; i += 1) {
        const res = await refresh(tokens[tokens.length - 1]);
        expect(res.status).toBe(200);
        tokens.push(res.body.refreshToken);
      }
      const spent = tokens[tokens.length - 2 - back];
      expect((await refresh(spent)).status).toBe(401);
      expect(await revoked(sessionOf(user))).toBe('token_reuse');
      expect((await refresh(tokens[tokens.length - 1])).status).toBe(401);
      expect(await audit(sessionOf(user))).toContain('auth.token_reuse:denied');
    }
  });

  it("keeps spent secrets while their session lives; a sign-in drops expired sessions'", async () => {
    const user = await factory.user();
    expect((await refresh(user.refreshToken)).status).toBe(200);
    const count = async (): Promise<number> =>
      (
        await api.db.query(
          'SELECT count(*)::int AS n FROM session_spent_secrets WHERE session_id = $1',
          [sessionOf(user)],
        )
      )[0].n;
    expect(await count()).toBe(1);
    await api.db.query(`UPDATE sessions SET expires_at = now() - interval '1 s' WHERE id = $1`, [
      sessionOf(user),
    ]);
    await factory.signIn({ ...user });
    expect(await count()).toBe(0);
  });

  it('refuses the current secret of an ended session without calling it reuse', async () => {
    const user = await factory.user();
    expect((await api.post('/auth/logout', undefined, { token: user.token })).status).toBe(204);
    expect((await refresh(user.refreshToken)).status).toBe(401);
    expect(await revoked(sessionOf(user))).toBe('logout');
    expect(await audit(sessionOf(user))).toEqual([
      'auth.login:success',
      'auth.logout:success',
      'auth.refresh:denied:session_ended',
    ]);
  });
});
