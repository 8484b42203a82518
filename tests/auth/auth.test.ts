import { createCast, DEFAULT_PASSWORD, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

describe('auth: sign-in, refresh rotation, logout, password change', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  async function auditActions(userId: string): Promise<string[]> {
    const rows: Array<{ action: string; outcome: string }> = await api.db.query(
      'SELECT action, outcome FROM audit_events WHERE actor_id = $1 ORDER BY seq',
      [userId],
    );
    return rows.map((r) => `${r.action}:${r.outcome}`);
  }

  it('signs in and answers the contract shape', async () => {
    const user = await factory.user({ signIn: false });
    const res = await api.post('/auth/login', {
      email: user.email.toUpperCase(),
      password: DEFAULT_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const me = await api.get('/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      memberCode: 'THA',
      globalRole: null,
      memberships: [],
    });
    expect(await auditActions(user.id)).toEqual(['auth.login:success']);
  });

  it('answers an unknown e-mail and a wrong password with the same 401', async () => {
    const user = await factory.user({ signIn: false });
    const unknown = await api.post('/auth/login', {
      email: 'nobody@rilon.test',
      password: 'whatever-password',
    });
    const wrong = await api.post('/auth/login', {
      email: user.email,
      password: 'not the password',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect({ ...unknown.body, instance: null }).toEqual({ ...wrong.body, instance: null });
    expect(JSON.stringify(wrong.body)).not.toContain('not the password');
    expect(await auditActions(user.id)).toEqual(['auth.login:failure']);
    const failures: Array<{ n: number }> = await api.db.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login' AND outcome = 'failure' AND actor_id IS NULL",
    );
    expect(failures[0].n).toBeGreaterThanOrEqual(1);
  });

  it('refuses a suspended user', async () => {
    const user = await factory.user({ signIn: false, suspended: true });
    const res = await api.post('/auth/login', { email: user.email, password: DEFAULT_PASSWORD });
    expect(res.status).toBe(401);
  });

  it('locks an account for 15 minutes after 5 failures, the correct password too', async () => {
    const user = await factory.user({ signIn: false });
    const other = await factory.user({ signIn: false });
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await api.post('/auth/login', { email: user.email, password: `wrong-${i}` })).status,
      ).toBe(401);
    }
    const locked = await api.post('/auth/login', { email: user.email, password: DEFAULT_PASSWORD });
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Another account from the same address is not affected.
    expect(
      (await api.post('/auth/login', { email: other.email, password: DEFAULT_PASSWORD })).status,
    ).toBe(200);
  });

  it('allows at most 5 guesses however many arrive at once', async () => {
    const user = await factory.user({ signIn: false });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.post('/auth/login', { email: user.email, password: `parallel-guess-${i}` }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const locked = await api.post('/auth/login', { email: user.email, password: DEFAULT_PASSWORD });
    expect(locked.status).toBe(429);
  });

  it('does not count successful sign-ins', async () => {
    const user = await factory.user({ signIn: false });
    for (let i = 0; i < 7; i += 1) {
      expect(
        (await api.post('/auth/login', { email: user.email, password: DEFAULT_PASSWORD })).status,
      ).toBe(200);
    }
  });

  it('rotates refresh tokens, and a reused one revokes the whole session', async () => {
    const user = await factory.user();
    const first = await api.post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    expect((await api.get('/me', { token: first.body.accessToken })).status).toBe(200);

    const reuse = await api.post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.status).toBe(401);
    // The whole session is gone: the newest access and refresh tokens fail too.
    expect((await api.get('/me', { token: first.body.accessToken })).status).toBe(401);
    expect(
      (await api.post('/auth/refresh', { refreshToken: first.body.refreshToken })).status,
    ).toBe(401);
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining(['auth.refresh:success', 'auth.token_reuse:denied']),
    );
  });

  it('lets at most one of two concurrent refreshes win, and ends the session revoked', async () => {
    const user = await factory.user();
    const [a, b] = await Promise.all([
      api.post('/auth/refresh', { refreshToken: user.refreshToken }),
      api.post('/auth/refresh', { refreshToken: user.refreshToken }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[1]).toBe(401);
    expect(statuses[0] === 200 || statuses[0] === 401).toBe(true);
    const winner = [a, b].find((r) => r.status === 200);
    if (winner) expect((await api.get('/me', { token: winner.body.accessToken })).status).toBe(401);
    const sessions: Array<{ revoked_reason: string }> = await api.db.query(
      'SELECT revoked_reason FROM sessions WHERE user_id = $1',
      [user.id],
    );
    expect(sessions).toEqual([{ revoked_reason: 'token_reuse' }]);
  });

  it('refuses malformed and unknown refresh tokens with 401', async () => {
    for (const refreshToken of ['garbage', 'a.b', '0190b7b0-0000-7000-8000-000000000000.xyz', '']) {
      const res = await api.post('/auth/refresh', { refreshToken });
      expect([400, 401]).toContain(res.status);
    }
  });

  it('logs out: the access token fails at once, the refresh token too', async () => {
    const user = await factory.user();
    const out = await api.post('/auth/logout', undefined, { token: user.token });
    expect(out.status).toBe(204);
    expect((await api.get('/me', { token: user.token })).status).toBe(401);
    expect((await api.post('/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await api.post('/auth/logout', undefined, { token: user.token })).status).toBe(401);
  });

  it('changes the password and revokes the other sessions only', async () => {
    const user = await factory.user();
    const second: TestUser = await factory.signIn({ ...user });
    const newPassword = 'another long passphrase 42';
    const bad = await api.post(
      '/me/password',
      { currentPassword: 'wrong wrong wrong', newPassword },
      { token: user.token },
    );
    expect(bad.status).toBe(403);
    const short = await api.post(
      '/me/password',
      { currentPassword: DEFAULT_PASSWORD, newPassword: 'short' },
      { token: user.token },
    );
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    const ok = await api.post(
      '/me/password',
      { currentPassword: DEFAULT_PASSWORD, newPassword },
      { token: user.token },
    );
    expect(ok.status).toBe(204);
    expect((await api.get('/me', { token: user.token })).status).toBe(200);
    expect((await api.get('/me', { token: second.token })).status).toBe(401);
    expect((await api.post('/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(
      401,
    );
    expect(
      (await api.post('/auth/login', { email: user.email, password: DEFAULT_PASSWORD })).status,
    ).toBe(401);
    expect(
      (await api.post('/auth/login', { email: user.email, password: newPassword })).status,
    ).toBe(200);
    const details: Array<{ d: string }> = await api.db.query(
      'SELECT details::text AS d FROM audit_events',
    );
    expect(details.map((r) => r.d).join('\n')).not.toContain(newPassword);
  });

  it('takes a suspension into account on the very next request', async () => {
    const user = await factory.user();
    expect((await api.get('/me', { token: user.token })).status).toBe(200);
    await api.db.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [user.id]);
    expect((await api.get('/me', { token: user.token })).status).toBe(401);
    expect((await api.post('/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
  });

  it('answers /me for every role with its memberships', async () => {
    const cast = await createCast(factory);
    expect((await api.get('/me')).status).toBe(401);
    for (const [user, role, teamId] of [
      [cast.observer, 'observer', cast.teamA.id],
      [cast.officer, 'officer', cast.teamA.id],
      [cast.lead, 'lead', cast.teamA.id],
      [cast.otherLead, 'lead', cast.teamB.id],
    ] as const) {
      const me = await api.get('/me', { token: user.token });
      expect(me.status).toBe(200);
      expect(me.body.memberships).toEqual([
        { teamId, teamName: expect.any(String), capitalId: expect.any(String), role },
      ]);
    }
    expect((await api.get('/me', { token: cast.admin.token })).body.globalRole).toBe('admin');
    expect((await api.get('/me', { token: cast.auditor.token })).body.globalRole).toBe('auditor');
    expect((await api.get('/me', { token: cast.suspended.token })).status).toBe(401);
  });

  it('rejects bad sign-in input with 400 naming the fields', async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ email: 'x@rilon.test' }, ['password']],
      [{ email: 'not-an-email', password: 'x' }, ['email']],
      [{ email: 'a@rilon.test', password: 'x', extra: 1 }, ['extra']],
      [{ email: 42, password: ['x'] }, ['email', 'password']],
      [{ email: `${'a'.repeat(250)}@rilon.test`, password: 'x' }, ['email']],
      [{ email: 'a@rilon.test', password: 'x'.repeat(300) }, ['password']],
    ];
    for (const [body, fields] of cases) {
      const res = await api.post('/auth/login', body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('/problems/validation');
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(
        [...fields].sort(),
      );
    }
  });
});
