import { withAdmin } from '../support/db';
import { createCast, Cast, DEFAULT_PASSWORD, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

interface Item {
  id: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

describe('the audit log API', () => {
  let api: TestApi;
  let factory: Factory;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
  });
  afterAll(() => api.close());

  const list = (query: string, token = cast.auditor.token) =>
    api.get<{ items: Item[]; nextCursor: string | null }>(`/audit-events${query}`, { token });

  it('records successful and failed sign-ins with the request id', async () => {
    const user = await factory.user({ signIn: false });
    const failed = await api.post('/auth/login', {
      email: user.email,
      password: 'wrong-password-1',
    });
    expect(failed.status).toBe(401);
    const ok = await api.call('POST', '/auth/login', {
      json: { email: user.email, password: DEFAULT_PASSWORD },
      headers: { 'x-request-id': 'audit-test-login-1' },
    });
    expect(ok.status).toBe(200);
    const res = await list(`?actorId=${user.id}&action=auth.login`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.outcome)).toEqual(['success', 'failure']);
    const [success, failure] = res.body.items;
    expect(success).toMatchObject({
      actorId: user.id,
      action: 'auth.login',
      targetType: 'session',
      requestId: 'audit-test-login-1',
      ip: '127.0.0.1',
    });
    expect(typeof success.seq).toBe('number');
    expect(success.seq).toBeGreaterThan(failure.seq);
    expect(success.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(failure.details).toEqual({ reason: 'wrong_password' });
    const unknown = await api.post('/auth/login', {
      email: 'nobody-here@rilon.test',
      password: 'whatever-password',
    });
    expect(unknown.status).toBe(401);
    const failures = await list('?action=auth.login&outcome=failure');
    expect(failures.body.items[0]).toMatchObject({
      actorId: null,
      details: { reason: 'unknown_email' },
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the application user', async () => {
    // The API's own role has no such right; the owner is stopped by the triggers.
    await expect(api.db.query(`UPDATE audit_events SET action = 'x.y'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(api.db.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
    await expect(api.db.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
    await expect(api.db.query('TRUNCATE audit_chain')).rejects.toThrow(/permission denied/);
    const asOwner = (sql: string) => withAdmin((c) => c.query(sql), api.database.url);
    await expect(asOwner(`UPDATE audit_events SET action = 'x.y'`)).rejects.toThrow(/append-only/);
    await expect(asOwner('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(asOwner('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    await expect(asOwner('TRUNCATE audit_chain CASCADE')).rejects.toThrow(/append-only/);
    const [{ count }] = await api.db.query('SELECT count(*)::int AS count FROM audit_events');
    expect(count).toBeGreaterThan(0);
  });

  it('lets only administrators and auditors read the log', async () => {
    expect((await api.get('/audit-events')).status).toBe(401);
    expect((await api.get('/audit-events/verify')).status).toBe(401);
    for (const who of [cast.observer, cast.officer, cast.lead, cast.otherLead]) {
      const res = await list('', who.token);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await api.get('/audit-events/verify', { token: who.token })).status).toBe(403);
    }
    expect((await list('', cast.suspended.token)).status).toBe(401);
    expect((await list('', cast.admin.token)).status).toBe(200);
    expect((await list('', cast.auditor.token)).status).toBe(200);
    expect((await api.get('/audit-events/verify', { token: cast.admin.token })).status).toBe(200);
    const denied = await list(`?actorId=${cast.observer.id}&action=access.denied`);
    expect(denied.body.items.length).toBeGreaterThanOrEqual(2);
    expect(denied.body.items[0]).toMatchObject({ outcome: 'denied' });
  });

  it('pages newest first with a cursor, without overlap', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`?limit=3&action=auth.login${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((i) => i.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = await list('?limit=200&action=auth.login');
    expect(seen).toEqual(all.body.items.map((i) => i.seq));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(seen.length).toBeGreaterThan(8);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by target, outcome and an inclusive time range', async () => {
    const res = await list(`?targetType=user&targetId=${cast.admin.id}`);
    expect(res.body.items.every((i) => i.targetId === cast.admin.id)).toBe(true);
    const all = await list('?limit=200');
    const pivot = all.body.items[5];
    const exact = await list(`?from=${pivot.occurredAt}&to=${pivot.occurredAt}`);
    expect(exact.body.items.map((i) => i.id)).toContain(pivot.id);
    const later = await list(`?from=${encodeURIComponent(pivot.occurredAt)}&limit=200`);
    expect(later.body.items.every((i) => i.occurredAt >= pivot.occurredAt)).toBe(true);
    const earlier = await list(`?to=${pivot.occurredAt}&limit=200`);
    expect(earlier.body.items.every((i) => i.occurredAt <= pivot.occurredAt)).toBe(true);
    const day = pivot.occurredAt.slice(0, 10);
    const wholeDay = await list(`?from=${day}&to=${day}&limit=200`);
    expect(wholeDay.body.items.map((i) => i.id)).toEqual(
      all.body.items.filter((i) => i.occurredAt.startsWith(day)).map((i) => i.id),
    );
    const future = await list('?from=2999-01-01T00:00:00Z');
    expect(future.body).toEqual({ items: [], nextCursor: null });
    const denied = await list('?outcome=denied&limit=200');
    expect(denied.body.items.length).toBeGreaterThan(0);
    expect(denied.body.items.every((i) => i.outcome === 'denied')).toBe(true);
  });

  it.each([
    ['actorId=not-a-uuid', 'actorId'],
    ['outcome=maybe', 'outcome'],
    ['from=yesterday', 'from'],
    ['to=2026-02-30T00:00:00Z', 'to'],
    ['from=2026-11-28T10:00:00', 'from'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=abc', 'limit'],
    [`action=${'a'.repeat(65)}`, 'action'],
    [`targetId=${'x'.repeat(65)}`, 'targetId'],
    ['targetType=User%20X', 'targetType'],
    ['unknown=1', 'unknown'],
    ['cursor=%%%', 'cursor'],
    [`cursor=${Buffer.from('["1; DROP"]').toString('base64url')}`, 'cursor'],
    ['from=2026-11-02&to=2026-11-01', 'to'],
  ])('answers 400 listing the field for %s', async (query, field) => {
    const res = await list(`?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = res.body as unknown as { errors: Array<{ field: string }> };
    expect(problem.errors.map((e) => e.field)).toContain(field);
  });

  it('never writes a password or a token into details', async () => {
    const user = await factory.user();
    const newPassword = 'a-brand-new-password-0451';
    const changed = await api.post(
      '/me/password',
      { currentPassword: DEFAULT_PASSWORD, newPassword },
      { token: user.token },
    );
    expect(changed.status).toBe(204);
    const wrong = await api.post(
      '/me/password',
      { currentPassword: 'not-my-password-xyz', newPassword: 'another-long-password' },
      { token: (await factory.signIn({ ...user, password: newPassword })).token },
    );
    expect(wrong.status).toBe(403);
    const rows: Array<{ text: string }> = await api.db.query(
      'SELECT details::text AS text FROM audit_events',
    );
    const text = rows.map((r) => r.text).join('\n');
    for (const secret of [
      DEFAULT_PASSWORD,
      newPassword,
      'not-my-password-xyz',
      'wrong-password-1',
      user.token,
      user.refreshToken,
    ]) {
      expect(text).not.toContain(secret);
    }
    const mine = await list(`?actorId=${user.id}&action=user.password_change`);
    expect(mine.body.items.map((i) => i.outcome)).toEqual(['failure', 'success']);
  });
});
