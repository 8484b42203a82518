import { DEFAULT_PASSWORD, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

/**
 * Issue 12, hole 1.5: a wrong current password on POST /me/password is a sign-in failure
 * of the account, in the sign-in counter: 5 in 15 minutes lock the account, for sign-in
 * and password change alike, whatever the password.
 */
describe('POST /me/password is throttled like sign-in', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  const NEW_PASSWORD = 'a brand new long passphrase';
  const change = (user: TestUser, currentPassword: string, newPassword = NEW_PASSWORD) =>
    api.post('/me/password', { currentPassword, newPassword }, { token: user.token });
  const signIn = (user: TestUser, password: string) =>
    api.post('/auth/login', { email: user.email, password });
  const hashOf = async (user: TestUser): Promise<string> =>
    (await api.db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]))[0]
      .password_hash;
  const outcomes = async (user: TestUser): Promise<string[]> =>
    (
      await api.db.query(
        `SELECT outcome, details->>'reason' AS reason FROM audit_events
          WHERE action = 'user.password_change' AND actor_id = $1 ORDER BY seq`,
        [user.id],
      )
    ).map((r: { outcome: string; reason: string | null }) => `${r.outcome}:${r.reason ?? ''}`);

  it('5 wrong current passwords lock the account: the 6th attempt is 429, and so is sign-in', async () => {
    const user = await factory.user();
    const before = await hashOf(user);
    for (let i = 0; i < 5; i += 1) {
      expect((await change(user, `wrong current password ${i}`)).status).toBe(403);
    }
    const locked = await change(user, DEFAULT_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await hashOf(user)).toBe(before);
    // The same counter: sign-in of that account is locked too, the right password included.
    const login = await signIn(user, DEFAULT_PASSWORD);
    expect(login.status).toBe(429);
    expect(Number(login.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await outcomes(user)).toEqual([
      ...Array.from({ length: 5 }, () => 'failure:wrong_password'),
      'denied:throttled',
    ]);
  });

  it('sign-in failures lock the password change too, the right current password included', async () => {
    const user = await factory.user();
    for (let i = 0; i < 5; i += 1) expect((await signIn(user, `wrong-${i}`)).status).toBe(401);
    expect((await change(user, DEFAULT_PASSWORD)).status).toBe(429);
    expect(await outcomes(user)).toEqual(['denied:throttled']);
  });

  it('a correct change gives back only its own attempt: earlier failures still count', async () => {
    const user = await factory.user();
    for (let i = 0; i < 2; i += 1) expect((await signIn(user, `wrong-${i}`)).status).toBe(401);
    for (let i = 0; i < 2; i += 1) expect((await change(user, `wrong-${i}`)).status).toBe(403);
    expect((await change(user, DEFAULT_PASSWORD)).status).toBe(204);
    // Four failures stand; a fifth locks the account, the new password notwithstanding.
    expect((await signIn(user, 'wrong-again')).status).toBe(401);
    expect((await signIn(user, NEW_PASSWORD)).status).toBe(429);
  });

  it('correct changes alone never lock anyone', async () => {
    const user = await factory.user();
    let current = DEFAULT_PASSWORD;
    for (let i = 0; i < 6; i += 1) {
      const next = `${NEW_PASSWORD} ${i}`;
      expect((await change(user, current, next)).status).toBe(204);
      current = next;
    }
    expect((await signIn(user, current)).status).toBe(200);
  });
});
