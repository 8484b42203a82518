import { DEFAULT_PASSWORD, Factory } from '../support/factories';
import { HttpResult, startApi, TestApi } from '../support/harness';

const COOKIE = 'rilon_refresh';

/** The rilon_refresh Set-Cookie of an answer: its value and attributes (lower-cased names). */
function setCookie(res: HttpResult): { value: string; attributes: Record<string, string> } | null {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
  if (!line) return null;
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  const attributes: Record<string, string> = {};
  for (const part of rest) {
    const [name, ...value] = part.split('=');
    attributes[name.toLowerCase()] = value.join('=');
  }
  return { value: pair.slice(COOKIE.length + 1), attributes };
}

describe('auth: the refresh token in an httpOnly cookie (web portal)', () => {
  let api: TestApi;
  let factory: Factory;
  let origin: string;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    // PUBLIC_URL is not set: the portal's origin is the address the API listens on.
    origin = api.baseUrl;
  });
  afterAll(() => api.close());

  async function signIn(): Promise<{ userId: string; accessToken: string; cookie: string }> {
    const user = await factory.user({ signIn: false });
    const res = await api.post('/auth/login', {
      email: user.email,
      password: DEFAULT_PASSWORD,
      refreshIn: 'cookie',
    });
    expect(res.status).toBe(200);
    return { userId: user.id, accessToken: res.body.accessToken, cookie: setCookie(res)!.value };
  }

  /** A cookie refresh as the portal sends it: no body, no content type. */
  function refresh(cookie: string | null, headers: Record<string, string> = { origin }) {
    return api.call('POST', '/auth/refresh', {
      headers: { ...(cookie ? { cookie: `theme=dark; ${COOKIE}=${cookie}` } : {}), ...headers },
    });
  }

  it('signs in with refreshIn "cookie": no refresh token in the body, the cookie set strictly', async () => {
    const user = await factory.user({ signIn: false });
    const res = await api.post('/auth/login', {
      email: user.email,
      password: DEFAULT_PASSWORD,
      refreshIn: 'cookie',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const cookie = setCookie(res);
    expect(cookie?.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    expect(cookie?.attributes).toEqual({
      httponly: '',
      secure: '',
      samesite: 'Strict',
      path: '/api/v1/auth',
      'max-age': String(14 * 86400),
    });
    expect((await api.get('/me', { token: res.body.accessToken })).status).toBe(200);
  });

  it("refreshes with the cookie from the portal's origin and rotates it", async () => {
    const session = await signIn();
    const res = await refresh(session.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const next = setCookie(res);
    expect(next?.value).toBeTruthy();
    expect(next?.value).not.toBe(session.cookie);
    expect(next?.attributes).toMatchObject({
      httponly: '',
      samesite: 'Strict',
      path: '/api/v1/auth',
    });
    expect((await api.get('/me', { token: res.body.accessToken })).status).toBe(200);
    // The rotated cookie works in turn, with an empty JSON body too.
    const again = await api.post(
      '/auth/refresh',
      {},
      {
        headers: { cookie: `${COOKIE}=${next!.value}`, origin },
      },
    );
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).toBeUndefined();
  });

  it('refuses a cookie refresh without Origin or from another origin, and leaves the cookie unspent', async () => {
    const session = await signIn();
    const port = Number(new URL(api.baseUrl).port);
    const cases: Array<Record<string, string>> = [
      {},
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${port === 65535 ? 1 : port + 1}` },
      { origin: `http://localhost:${port + 1}` },
      { origin: `https://127.0.0.1:${port}` },
      { origin: `${origin}/` },
    ];
    for (const headers of cases) {
      const res = await refresh(session.cookie, headers);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 403, type: '/problems/forbidden' });
      expect(setCookie(res)).toBeNull();
    }
    const denials: Array<{
      actor_id: string;
      target_id: string;
      details: Record<string, unknown>;
    }> = await api.db.query(
      `SELECT actor_id, target_id, details FROM audit_events
          WHERE action = 'auth.refresh' AND outcome = 'denied' AND actor_id = $1 ORDER BY seq`,
      [session.userId],
    );
    expect(denials).toHaveLength(cases.length);
    expect(denials[0]).toMatchObject({
      target_id: session.cookie.split('.')[0],
      details: { reason: 'origin', origin: null },
    });
    expect(denials[1].details).toEqual({ reason: 'origin', origin: 'https://evil.example' });
    expect(JSON.stringify(denials)).not.toContain(session.cookie.split('.')[1]);
    // Nothing was spent: the same cookie still refreshes, and the session lives on.
    const res = await refresh(session.cookie);
    expect(res.status).toBe(200);
    expect((await api.get('/me', { token: session.accessToken })).status).toBe(200);
  });

  it('treats a spent cookie as reuse: 401, the cookie cleared, the whole session ended', async () => {
    const session = await signIn();
    const first = await refresh(session.cookie);
    expect(first.status).toBe(200);
    const newest = setCookie(first)!.value;

    const reuse = await refresh(session.cookie);
    expect(reuse.status).toBe(401);
    expect(reuse.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(setCookie(reuse)).toMatchObject({ value: '', attributes: { 'max-age': '0' } });

    expect((await refresh(newest)).status).toBe(401);
    expect((await api.get('/me', { token: first.body.accessToken })).status).toBe(401);
    expect((await api.get('/me', { token: session.accessToken })).status).toBe(401);
    const sessions: Array<{ revoked_reason: string }> = await api.db.query(
      'SELECT revoked_reason FROM sessions WHERE user_id = $1',
      [session.userId],
    );
    expect(sessions).toEqual([{ revoked_reason: 'token_reuse' }]);
  });

  it('answers a refresh with no token anywhere with 401, never 400 or 415', async () => {
    const res = await refresh(null);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await refresh(null, {})).status).toBe(401);
    expect((await api.post('/auth/refresh', {}, { headers: { origin } })).status).toBe(401);
    expect((await refresh(`${'0'.repeat(8)}-not-a-token`)).status).toBe(401);
  });

  it('clears the cookie on logout, and the cookie no longer refreshes', async () => {
    const session = await signIn();
    const res = await api.post('/auth/logout', undefined, { token: session.accessToken });
    expect(res.status).toBe(204);
    expect(setCookie(res)).toEqual({
      value: '',
      attributes: {
        httponly: '',
        secure: '',
        samesite: 'Strict',
        path: '/api/v1/auth',
        'max-age': '0',
      },
    });
    expect((await refresh(session.cookie)).status).toBe(401);
  });

  it('keeps the JSON form for API clients unchanged, with no Origin needed', async () => {
    const user = await factory.user({ signIn: false });
    for (const refreshIn of [undefined, 'body']) {
      const login = await api.post('/auth/login', {
        email: user.email,
        password: DEFAULT_PASSWORD,
        ...(refreshIn ? { refreshIn } : {}),
      });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      expect(setCookie(login)).toBeNull();
      const res = await api.post('/auth/refresh', { refreshToken: login.body.refreshToken });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      expect(setCookie(res)).toBeNull();
    }
    const bad = await api.post('/auth/login', {
      email: user.email,
      password: DEFAULT_PASSWORD,
      refreshIn: 'jar',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'refreshIn' })]);
  });

  it('documents refreshIn, the optional refreshToken and the cookie in OpenAPI', async () => {
    const doc = (await api.get('/api/openapi.json')).body;
    const schemas = doc.components.schemas;
    expect(schemas.LoginDto.properties.refreshIn).toMatchObject({
      enum: ['body', 'cookie'],
      description: expect.stringContaining('`body` when left out'),
    });
    expect(schemas.LoginDto.required).not.toContain('refreshIn');
    expect(schemas.TokenPairDto.required).toEqual(
      expect.arrayContaining(['accessToken', 'tokenType', 'expiresIn']),
    );
    expect(schemas.TokenPairDto.required).not.toContain('refreshToken');
    expect(schemas.RefreshDto.required ?? []).not.toContain('refreshToken');
    const operation = doc.paths['/api/v1/auth/refresh'].post;
    expect(operation.requestBody.required).toBe(false);
    expect(operation.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: COOKIE, in: 'cookie' }),
        expect.objectContaining({ name: 'Origin', in: 'header' }),
      ]),
    );
    expect(operation.responses['403']).toBeDefined();
  });
});

describe('auth: the refresh cookie behind an explicit PUBLIC_URL', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ PUBLIC_URL: 'http://portal.rilon.test:8080/' });
  });
  afterAll(() => api.close());

  it("drops Secure on plain http off loopback, and accepts PUBLIC_URL's origin only", async () => {
    const user = await new Factory(api).user({ signIn: false });
    const login = await api.post('/auth/login', {
      email: user.email,
      password: DEFAULT_PASSWORD,
      refreshIn: 'cookie',
    });
    const cookie = setCookie(login)!;
    expect(cookie.attributes).not.toHaveProperty('secure');
    expect(cookie.attributes).toMatchObject({ httponly: '', samesite: 'Strict' });
    const call = (origin: string, value: string) =>
      api.call('POST', '/auth/refresh', { headers: { origin, cookie: `${COOKIE}=${value}` } });
    // The address the API listens on is not the portal's origin once PUBLIC_URL says otherwise.
    expect((await call(api.baseUrl, cookie.value)).status).toBe(403);
    const res = await call('http://portal.rilon.test:8080', cookie.value);
    expect(res.status).toBe(200);
    expect(setCookie(res)!.attributes).not.toHaveProperty('secure');
  });
});
