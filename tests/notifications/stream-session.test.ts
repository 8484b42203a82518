import { LiveHub } from '@rilon/notifications';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { connectedStream, publishGreen, SseReader } from './notify-helpers';

jest.setTimeout(60000);

/**
 * An open stream holds no session of its own: a logout, a password change elsewhere or a
 * suspension ends it, and nothing published afterwards travels on it.
 */
describe('live stream and the session behind it', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let factory: Factory;
  let cast: Cast;
  const readers: SseReader[] = [];

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    await worker?.close();
    await api?.close();
  });

  /** A team B officer: hears of team A's GREEN publications. */
  function reader(): Promise<TestUser> {
    return factory.user({ teams: [[cast.teamB.id, 'officer']], memberCode: 'LKA' });
  }

  function stream(token: string): Promise<SseReader> {
    return connectedStream(api, readers, token);
  }

  function publish(title: string): Promise<string> {
    return publishGreen(api, worker, cast, title);
  }

  async function notified(userId: string, reportId: string): Promise<boolean> {
    const rows: unknown[] = await api.db.query(
      'SELECT 1 FROM notifications WHERE user_id = $1 AND report_id = $2',
      [userId, reportId],
    );
    return rows.length > 0;
  }

  it('ends at the first push after a logout, which it does not send', async () => {
    const user = await reader();
    const sse = await stream(user.token);
    expect((await api.post('/auth/logout', undefined, { token: user.token })).status).toBe(204);
    const reportId = await publish('Published after the logout');
    // The user is still active, so the inbox has the row: only the stream must not carry it.
    expect(await notified(user.id, reportId)).toBe(true);
    await waitFor(() => sse.ended, 10000, 'the stream to end');
    expect(sse.events.map((e) => e.data?.reportId)).not.toContain(reportId);
  });

  it('ends the stream of a session revoked by a password change made from another one', async () => {
    const user = await reader();
    const first = await stream(user.token);
    const other = { ...user };
    await factory.signIn(other);
    const second = await stream(other.token);
    const changed = await api.post(
      '/me/password',
      { currentPassword: user.password, newPassword: 'a brand new long passphrase' },
      { token: other.token },
    );
    expect(changed.status).toBe(204);
    const reportId = await publish('Published after the password change');
    // The session that changed the password keeps its stream and gets the push.
    await waitFor(
      () => second.events.find((e) => e.data?.reportId === reportId),
      10000,
      'the push on the surviving session',
    );
    await waitFor(() => first.ended, 10000, 'the revoked session’s stream to end');
    expect(first.events.map((e) => e.data?.reportId)).not.toContain(reportId);
    expect(second.ended).toBe(false);
  });

  it('ends at the next heartbeat after a suspension, even with nothing to push', async () => {
    const user = await reader();
    const hub = api.app.get(LiveHub);
    const heartbeat = hub.heartbeatMs;
    hub.heartbeatMs = 200;
    const sse = await stream(user.token).finally(() => (hub.heartbeatMs = heartbeat));
    await waitFor(() => sse.comments.includes('keep-alive'), 5000, 'a heartbeat');
    const suspended = await api.patch(
      `/users/${user.id}`,
      { status: 'suspended' },
      { token: cast.admin.token },
    );
    expect(suspended.status).toBe(200);
    const reportId = await publish('Published after the suspension');
    await waitFor(() => sse.ended, 10000, 'the stream to end');
    expect(sse.events.map((e) => e.data?.reportId)).not.toContain(reportId);
  });
});
