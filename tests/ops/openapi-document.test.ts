import { getMetadataStorage } from 'class-validator';
import { LoginDto } from '../../apps/api/src/auth/login.dto';
import { offlineOpenApiDocument } from '../../apps/api/src/openapi/offline-document';
import { Factory, type TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

jest.setTimeout(120000);

type Json = Record<string, any>;

/** The constraint a class-validator decorator holds for one property (what the pipe checks). */
function constraint(target: Function, property: string, name: string): unknown {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', false, false)
    .find((m) => m.propertyName === property && m.name === name)?.constraints[0];
}

function fieldsOf(body: Json): string[] {
  return ((body.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
}

/**
 * The document at /api/openapi.json states what the server enforces: npm run lint:api lints
 * the same document built offline, and clients, gateways and the fuzzing tests read their
 * limits from it. Each limit is tried against the running API at the bound and one past it.
 */
describe('the OpenAPI document', () => {
  let api: TestApi;
  let served: Json;
  let admin: TestUser;
  const schemas = () => served.components.schemas as Record<string, Json>;

  beforeAll(async () => {
    api = await startApi();
    admin = await new Factory(api).user({ globalRole: 'admin' });
    const res = await api.get('/api/openapi.json');
    expect(res.status).toBe(200);
    served = res.body;
  });
  afterAll(() => api.close());

  it('is the one the lint reads (built offline, without a database)', async () => {
    expect(served).toEqual(await offlineOpenApiDocument());
  });

  it("declares a string's maxLength from its validator, and the server holds to it", async () => {
    expect(schemas().LoginDto.properties.email.maxLength).toBe(
      constraint(LoginDto, 'email', 'maxLength'),
    );
    const name = schemas().CreateTeamDto.properties.name;
    expect(name.maxLength).toEqual(expect.any(Number));
    const capitalId = await new Factory(api).capital();
    const create = (length: number) =>
      api.post('/teams', { name: 'n'.repeat(length), capitalId }, { token: admin.token });
    const atBound = await create(name.maxLength);
    expect(atBound.status).toBe(201);
    const beyond = await create(name.maxLength + 1);
    expect(beyond.status).toBe(400);
    expect(beyond.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(beyond.body)).toEqual(['name']);
  });

  it("declares an array's maxItems from its validator, and the server holds to it", async () => {
    const rules = schemas().SubscriptionsDto.properties.rules;
    expect(rules.maxItems).toEqual(expect.any(Number));
    const put = (count: number) =>
      api.put(
        '/me/subscriptions',
        { rules: Array.from({ length: count }, () => ({ email: 'off' })) },
        { token: admin.token },
      );
    expect((await put(rules.maxItems)).status).toBe(200);
    const beyond = await put(rules.maxItems + 1);
    expect(beyond.status).toBe(400);
    expect(fieldsOf(beyond.body)).toEqual(['rules']);
  });

  it("declares a query integer's bounds and format, and the server holds to them", async () => {
    const limit = (served.paths['/api/v1/reports'].get.parameters as Json[]).find(
      (p) => p.name === 'limit',
    )!.schema;
    expect(limit).toMatchObject({ type: 'integer', format: 'int32', minimum: 1 });
    const list = (n: number) => api.get(`/reports?limit=${n}`, { token: admin.token });
    expect((await list(limit.maximum)).status).toBe(200);
    const beyond = await list(limit.maximum + 1);
    expect(beyond.status).toBe(400);
    expect(fieldsOf(beyond.body)).toEqual(['limit']);
  });

  it('declares a path id as a UUID, which the server requires, answering 404 otherwise', async () => {
    const parameter = (served.paths['/api/v1/teams/{id}'].get.parameters as Json[]).find(
      (p) => p.name === 'id',
    )!;
    expect(parameter.schema).toMatchObject({ format: 'uuid', maxLength: 36 });
    expect(parameter.description).toContain('malformed id is answered 404');
    const res = await api.get('/teams/not-a-uuid', { token: admin.token });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: '/problems/not-found', detail: 'Team not found' });
  });

  it('says of every id in a path that a malformed one is a 404', () => {
    const ids = Object.values(served.paths as Record<string, Record<string, Json>>)
      .flatMap((item) => Object.values(item))
      .flatMap((operation) => (operation.parameters ?? []) as Json[])
      .filter((p) => p.in === 'path');
    expect(ids.length).toBeGreaterThan(15);
    for (const p of ids) {
      expect(p.schema).toMatchObject({ format: 'uuid' });
      expect(p.description).toContain('malformed id is answered 404');
    }
  });

  it('declares the problem answers every signed-in route can give, as problem+json', () => {
    const me = served.paths['/api/v1/me'].get.responses as Json;
    for (const status of ['400', '401', '429', '500', '503'])
      expect(me[status]).toEqual({ $ref: expect.stringMatching(/^#\/components\/responses\//) });
    const unauthorized = served.components.responses.Unauthorized;
    expect(unauthorized.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(served.components.responses.TooManyRequests.headers).toHaveProperty('Retry-After');
  });

  it('names in its security scheme what the API checks of a token, after RFC 8725', () => {
    expect(served.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: expect.stringContaining('RFC8725'),
    });
  });
});

/** UserRateLimitGuard sends the headers the document declares on every answer it counts. */
describe('the rate-limit headers', () => {
  const LIMIT = 3;
  let api: TestApi;
  let user: TestUser;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    user = await new Factory(api).user();
  });
  afterAll(() => api.close());

  it('come on counted answers and on the 429, as declared; not before the caller is known', async () => {
    const document = (await api.get('/api/openapi.json')).body as Json;
    const declared = Object.keys(document.paths['/api/v1/me'].get.responses['200'].headers);
    expect(declared).toEqual(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']);

    // Counts run in fixed minutes: a new minute may start mid-loop, so keep calling until
    // the limit is met (at most two windows' worth).
    let refused: Awaited<ReturnType<TestApi['get']>> | undefined;
    for (let i = 0; i < 2 * LIMIT + 2 && !refused; i += 1) {
      const res = await api.get('/me', { token: user.token });
      for (const name of declared) expect(res.headers.get(name)).toMatch(/^\d+$/);
      expect(res.headers.get('RateLimit-Limit')).toBe(String(LIMIT));
      const reset = Number(res.headers.get('RateLimit-Reset'));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
      if (res.status === 429) refused = res;
      else {
        expect(res.status).toBe(200);
        expect(Number(res.headers.get('RateLimit-Remaining'))).toBeLessThan(LIMIT);
      }
    }
    expect(refused).toBeDefined();
    expect(refused!.headers.get('content-type')).toContain('application/problem+json');
    expect(refused!.headers.get('RateLimit-Remaining')).toBe('0');
    expect(refused!.headers.get('Retry-After')).toBe(refused!.headers.get('RateLimit-Reset'));

    const anonymous = await api.get('/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('RateLimit-Limit')).toBeNull();
  });
});
