import { createHmac, generateKeyPairSync } from 'node:crypto';
import { DEFAULT_PASSWORD, Factory, TestUser } from '../support/factories';
import { createTestDatabase, startApi, TestApi } from '../support/harness';

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function sign(header: object, claims: object, secret: string): string {
  const head = `${b64(header)}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('access tokens: every forged or stale token is a 401 problem', () => {
  let api: TestApi;
  let user: TestUser;
  let claims: Record<string, unknown>;
  let secret: string;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '0' });
    user = await new Factory(api).user();
    claims = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString());
    secret = api.config.jwt.signingKey;
  });
  afterAll(() => api.close());

  it('accepts the genuine token, with issuer, audience, session id and a 15-minute lifetime', async () => {
    expect((await api.get('/me', { token: user.token })).status).toBe(200);
    expect(claims).toMatchObject({
      sub: user.id,
      sid: expect.any(String),
      iss: 'rilon-portal',
      aud: 'rilon-api',
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const forged: Array<[string, () => string]> = [
    ['malformed', () => 'not-a-jwt'],
    ['three garbage parts', () => 'a.b.c'],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
    [
      'tampered payload',
      () => {
        const [h, , s] = user.token.split('.');
        return `${h}.${b64({ ...claims, sub: '0190b7b0-0000-7000-8000-000000000000' })}.${s}`;
      },
    ],
    ['tampered signature', () => `${user.token.slice(0, -4)}AAAA`],
    [
      'expired',
      () =>
        sign(
          { alg: 'HS256', typ: 'JWT' },
          { ...claims, iat: now() - 2000, exp: now() - 60 },
          secret,
        ),
    ],
    [
      'wrong issuer',
      () => sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'someone-else' }, secret),
    ],
    [
      'wrong audience',
      () => sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'other-api' }, secret),
    ],
    [
      'other algorithm (HS512)',
      () => {
        const head = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}`;
        return `${head}.${createHmac('sha512', secret).update(head).digest('base64url')}`;
      },
    ],
    [
      'signed with another secret',
      () => sign({ alg: 'HS256', typ: 'JWT' }, claims, 'x'.repeat(64)),
    ],
    [
      'not an access token',
      () => sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, typ: 'refresh' }, secret),
    ],
    [
      'not yet valid (nbf in the future)',
      () => sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, nbf: now() + 600 }, secret),
    ],
    [
      'unknown kid, though signed with the right key',
      () => sign({ alg: 'HS256', typ: 'JWT', kid: 'another-key' }, claims, secret),
    ],
    [
      'unknown session',
      () =>
        sign(
          { alg: 'HS256', typ: 'JWT' },
          { ...claims, sid: '0190b7b0-0000-7000-8000-000000000001' },
          secret,
        ),
    ],
  ];

  it.each(forged)('refuses a %s token', async (_name, make) => {
    const res = await api.get('/me', { token: make() });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: '/problems/unauthorized',
      status: 401,
      instance: '/api/v1/me',
    });
  });

  it("names its key: the genuine token's kid is the configured key id, and signing it anew passes", async () => {
    const header = JSON.parse(Buffer.from(user.token.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'HS256', kid: api.config.jwt.keyId });
    // The same claims, re-signed by the test with the same header: accepted, so the kid and
    // nbf refusals above are about those alone.
    const again = sign(header, claims, secret);
    expect((await api.get('/me', { token: again })).status).toBe(200);
  });

  it('refuses a missing or non-Bearer Authorization header', async () => {
    expect((await api.get('/me')).status).toBe(401);
    expect(
      (await api.get('/me', { headers: { authorization: `Basic ${user.token}` } })).status,
    ).toBe(401);
  });
});

describe('access tokens under RS256: no algorithm confusion', () => {
  let api: TestApi;
  let user: TestUser;
  let publicPem: string;

  beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    api = await startApi({
      RATE_LIMIT_PER_MINUTE: '0',
      JWT_PRIVATE_KEY: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_PUBLIC_KEY: publicPem,
    });
    user = await new Factory(api).user();
  });
  afterAll(() => api.close());

  it('accepts its own RS256 token and refuses an HS256 one made with the public key as secret', async () => {
    expect((await api.get('/me', { token: user.token })).status).toBe(200);
    const header = JSON.parse(Buffer.from(user.token.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'RS256', kid: api.config.jwt.keyId });
    const claims = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString());
    // The classic confusion: the public key is public, so an HMAC with it is easy to make.
    for (const forged of [
      sign({ alg: 'HS256', typ: 'JWT' }, claims, publicPem),
      sign({ alg: 'HS256', typ: 'JWT', kid: header.kid }, claims, publicPem),
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    ]) {
      const res = await api.get('/me', { token: forged });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('per-user rate limit and per-address sign-in throttling', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '5' });
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  it('answers 429 past RATE_LIMIT_PER_MINUTE requests of one user, others unaffected', async () => {
    const [user, other] = await Promise.all([factory.user(), factory.user()]);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await api.get('/me', { token: user.token })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await api.get('/me', { token: other.token })).status).toBe(200);
  });

  it('locks an address out after 50 failures within 15 minutes', async () => {
    const victim = await factory.user({ signIn: false });
    for (let i = 0; i < 50; i += 1) {
      const res = await api.post('/auth/login', {
        email: `probe-${i}@rilon.test`,
        password: 'guessing-password',
      });
      expect(res.status).toBe(401);
    }
    const res = await api.post('/auth/login', { email: victim.email, password: DEFAULT_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.type).toBe('/problems/too-many-requests');
  });
});

describe('bootstrap administrator', () => {
  it('is created exactly once when several instances start at once', async () => {
    const database = await createTestDatabase();
    const env = {
      RILON_ADMIN_EMAIL: 'boot@rilon.test',
      RILON_ADMIN_PASSWORD: 'bootstrap-password-1',
    };
    const apis = await Promise.all([
      startApi(env, database),
      startApi(env, database),
      startApi(env, database),
    ]);
    try {
      const rows: Array<{ n: number }> = await apis[0].db.query(
        "SELECT count(*)::int AS n FROM users WHERE global_role = 'admin'",
      );
      expect(rows[0].n).toBe(1);
      const login = await apis[1].post('/auth/login', {
        email: 'boot@rilon.test',
        password: 'bootstrap-password-1',
      });
      expect(login.status).toBe(200);
    } finally {
      await apis[1].app.close();
      await apis[2].app.close();
      await apis[0].close();
    }
  });
});
