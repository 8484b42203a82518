import { Factory, TestUser } from '../support/factories';
import { startApi, TestApi, waitFor } from '../support/harness';
import { SseReader } from './notify-helpers';

jest.setTimeout(60000);

/**
 * What bounds a live stream (issue 12, hole 3): its access token's expiry, 5 streams per
 * user across instances, a per-instance cap, and 200 missed notifications on a resume.
 */
describe('live stream limits', () => {
  const readers: SseReader[] = [];
  afterAll(() => Promise.all(readers.map((r) => r.close())));

  async function open(api: TestApi, token: string, lastEventId?: string): Promise<SseReader> {
    const sse = new SseReader();
    readers.push(sse);
    await sse.open(`${api.baseUrl}/api/v1/notifications/stream`, token, lastEventId);
    if (sse.status === 200)
      await waitFor(() => sse.comments.includes('connected'), 5000, 'the stream to open');
    return sse;
  }

  /** Opens a stream, retrying while the server has not yet seen a closed one go. */
  function openOnceFree(api: TestApi, token: string): Promise<SseReader> {
    return waitFor(
      async () => {
        const sse = await open(api, token);
        return sse.status === 200 ? sse : null;
      },
      10000,
      'a free stream slot',
    );
  }

  function expectProblem(sse: SseReader, status: number): void {
    expect(sse.status).toBe(status);
    expect(sse.headers?.get('content-type')).toContain('application/problem+json');
    expect(sse.headers?.get('x-request-id')).toBeTruthy();
    expect(Number(sse.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(sse.problem).toMatchObject({ status });
  }

  describe('per user and on resume', () => {
    let api: TestApi;
    let factory: Factory;

    beforeAll(async () => {
      api = await startApi();
      factory = new Factory(api);
    });
    afterAll(() => api?.close());

    it('opens 5 streams per user, refuses the 6th with 429 before streaming, and frees a slot on close', async () => {
      const user = await factory.user();
      const other = await factory.user();
      const open5 = await Promise.all(Array.from({ length: 5 }, () => open(api, user.token)));
      expect(open5.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
      expectProblem(await open(api, user.token), 429);
      // Another user is not affected.
      expect((await open(api, other.token)).status).toBe(200);
      await open5[0].close();
      const again = await openOnceFree(api, user.token);
      expect(again.ended).toBe(false);
      expectProblem(await open(api, user.token), 429);
    });

    it('answers HEAD with the headers at once and takes no stream slot (found by fuzzing)', async () => {
      const user = await factory.user();
      for (let i = 0; i < 6; i++) {
        // Before, the answer never came: Node held the headers of a bodiless answer back.
        const res = await fetch(`${api.baseUrl}/api/v1/notifications/stream`, {
          method: 'HEAD',
          headers: { authorization: `Bearer ${user.token}` },
          signal: AbortSignal.timeout(10_000),
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(res.headers.get('x-request-id')).toBeTruthy();
      }
      const five = await Promise.all(Array.from({ length: 5 }, () => open(api, user.token)));
      expect(five.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
      await Promise.all(five.map((s) => s.close()));
    });

    it('resumes after an old id with the oldest 200 missed notifications, in order', async () => {
      const user = await factory.user();
      await api.db.query(
        `INSERT INTO notifications (id, user_id, outbox_event_id, event, title, created_at)
         SELECT gen_random_uuid(), $1, 900000 + i, 'membership.changed', 'Missed ' || i,
                now() - interval '2 hours' + i * interval '1 second'
           FROM generate_series(0, 250) AS i`,
        [user.id],
      );
      const rows: Array<{ id: string }> = await api.db.query(
        `SELECT id FROM notifications WHERE user_id = $1 AND title = 'Missed 0'`,
        [user.id],
      );
      const sse = await open(api, user.token, rows[0].id);
      expect(sse.status).toBe(200);
      await waitFor(() => sse.events.length >= 200, 10000, '200 resumed notifications');
      // A keep-alive comes later; give any surplus event time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sse.events).toHaveLength(200);
      expect(sse.events.map((e) => e.data.title)).toEqual(
        Array.from({ length: 200 }, (_, i) => `Missed ${i + 1}`),
      );
      // The rest is one page away in the inbox.
      const list = await api.get('/notifications?limit=100', { token: user.token });
      expect(list.body.items[0].title).toBe('Missed 250');
    });
  });

  describe('across instances', () => {
    let api: TestApi;
    let second: TestApi;
    let factory: Factory;

    // Passport keeps one strategy per name in the process: the second instance's replaces
    // the first's, so both close together, the second first.
    beforeAll(async () => {
      api = await startApi();
      factory = new Factory(api);
      second = await startApi(
        { QUEUE_PREFIX: api.config.queuePrefix, JWT_SECRET: api.config.jwt.signingKey },
        api.database,
      );
    });
    afterAll(async () => {
      // Only the app: the database belongs to the first instance.
      await second?.app.close();
      await api?.close();
    });

    it('counts the streams of one user across instances (through Redis)', async () => {
      const user = await factory.user();
      for (const target of [api, api, api, second, second]) {
        expect((await open(target, user.token)).status).toBe(200);
      }
      expectProblem(await open(second, user.token), 429);
      expectProblem(await open(api, user.token), 429);
    });
  });

  describe('per instance', () => {
    let api: TestApi;
    let factory: Factory;

    beforeAll(async () => {
      api = await startApi({ STREAM_MAX_PER_INSTANCE: '2' });
      factory = new Factory(api);
    });
    afterAll(() => api?.close());

    it('refuses a stream beyond STREAM_MAX_PER_INSTANCE with 503, whoever asks', async () => {
      const users: TestUser[] = [];
      for (let i = 0; i < 3; i += 1) users.push(await factory.user());
      const first = await open(api, users[0].token);
      expect(first.status).toBe(200);
      expect((await open(api, users[1].token)).status).toBe(200);
      expectProblem(await open(api, users[2].token), 503);
      await first.close();
      expect((await openOnceFree(api, users[2].token)).status).toBe(200);
    });
  });

  describe('token expiry', () => {
    let api: TestApi;
    let factory: Factory;

    beforeAll(async () => {
      api = await startApi({ ACCESS_TTL_SECONDS: '5' });
      factory = new Factory(api);
    });
    afterAll(() => api?.close());

    it('ends the stream cleanly when its access token expires', async () => {
      const user = await factory.user();
      const payload = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString());
      const expMs = Number(payload.exp) * 1000;
      const sse = await open(api, user.token);
      expect(sse.status).toBe(200);
      expect(sse.ended).toBe(false);
      // The server ended the response (a clean end, not an error or an abort).
      await waitFor(() => sse.ended, 15000, 'the stream to end at expiry');
      const endedAt = Date.now();
      expect(endedAt).toBeGreaterThanOrEqual(expMs - 1000);
      expect(endedAt).toBeLessThan(expMs + 4000);
      // A fresh token opens a new stream, as the portal does after a refresh.
      await factory.signIn(user);
      expect((await open(api, user.token)).status).toBe(200);
    });
  });
});
