import type { Actor } from '@rilon/core';
import { SessionLoader } from '@rilon/identity';
import { InboxRepository } from '@rilon/notifications';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { connectedStream, publishGreen, SseReader } from './notify-helpers';

jest.setTimeout(60000);

/**
 * The streams one push wakes check their sessions together and read their rows together
 * (issue 10: a thousand streams within a second), and still each one as its own caller:
 * its own rows, under its own visibility, after its own point, and only while signed in.
 */
describe('live streams woken together', () => {
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

  function member(teamId: string, memberCode: string): Promise<TestUser> {
    return factory.user({ teams: [[teamId, 'officer']], memberCode });
  }

  function stream(token: string): Promise<SseReader> {
    return connectedStream(api, readers, token);
  }

  function publish(title: string): Promise<string> {
    return publishGreen(api, worker, cast, title);
  }

  async function actorOf(user: TestUser): Promise<Actor> {
    const { sid } = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString()) as {
      sid: string;
    };
    const actor = await api.app.get(SessionLoader).load(user.id, sid);
    if (!actor) throw new Error(`no live session for ${user.email}`);
    return actor;
  }

  it('checks the sessions in one statement and reads in one, each stream getting its own row once', async () => {
    const users = await Promise.all(
      ['LKA', 'MYS', 'IDN', 'BGD', 'NZL'].map((code) => member(cast.teamB.id, code)),
    );
    const streams = await Promise.all(users.map((u) => stream(u.token)));
    const [gone] = users;
    expect((await api.post('/auth/logout', undefined, { token: gone.token })).status).toBe(204);
    const loadMany = jest.spyOn(api.app.get(SessionLoader), 'loadMany');
    const recentMany = jest.spyOn(api.app.get(InboxRepository), 'recentMany');
    try {
      const reportId = await publish('Published to five open streams');
      const live = streams.slice(1);
      await waitFor(
        () => live.every((s) => s.events.some((e) => e.data?.reportId === reportId)),
        10000,
        'the push on every signed-in stream',
      );
      await waitFor(() => streams[0].ended, 10000, 'the logged-out stream to end');
      expect(streams[0].events.map((e) => e.data?.reportId)).not.toContain(reportId);

      expect(loadMany).toHaveBeenCalledTimes(1);
      expect(loadMany.mock.calls[0][0]).toHaveLength(5);
      expect(recentMany).toHaveBeenCalledTimes(1);
      expect(recentMany.mock.calls[0][0].map((r) => r.actor.userId).sort()).toEqual(
        users
          .slice(1)
          .map((u) => u.id)
          .sort(),
      );

      // One frame each, and the row it carries is that stream's user's.
      for (const [i, sse] of live.entries()) {
        const frames = sse.events.filter((e) => e.data?.reportId === reportId);
        expect(frames).toHaveLength(1);
        const rows: Array<{ user_id: string }> = await api.db.query(
          'SELECT user_id FROM notifications WHERE id = $1',
          [frames[0].id],
        );
        expect(rows[0].user_id).toBe(users[i + 1].id);
      }
    } finally {
      loadMany.mockRestore();
      recentMany.mockRestore();
    }
  });

  it('answers each request of a batch as `recent` answers it alone', async () => {
    const teamB = await member(cast.teamB.id, 'LKA');
    const teamA = await member(cast.teamA.id, 'THA');
    const seen = await member(cast.teamB.id, 'MYS');
    const before = Date.now() - 60_000;
    const reportId = await publish('Re-restricted after its fan-out');
    // Team A's eyes only from now on: team B's rows stay, but no longer show.
    await api.db.query(
      `UPDATE reports SET tlp = 'AMBER', distribution_team_ids = ARRAY[$2::uuid] WHERE id = $1`,
      [reportId, cast.teamA.id],
    );
    const later = await publish('Published after the re-restriction');
    const seenRows: Array<{ id: string }> = await api.db.query(
      'SELECT id FROM notifications WHERE user_id = $1 AND report_id = $2',
      [seen.id, later],
    );
    const inbox = api.app.get(InboxRepository);
    const requests = [
      { actor: await actorOf(teamB), sinceMs: before, marginSeconds: 0, sentIds: [], limit: 10 },
      { actor: await actorOf(teamA), sinceMs: before, marginSeconds: 0, sentIds: [], limit: 1 },
      {
        actor: await actorOf(seen),
        sinceMs: before,
        marginSeconds: 0,
        sentIds: [seenRows[0].id],
        limit: 10,
      },
      {
        actor: await actorOf(teamA),
        sinceMs: Date.now() + 60_000,
        marginSeconds: 0,
        sentIds: [],
        limit: 10,
      },
    ];
    const batch = await inbox.recentMany(requests);
    const alone = await Promise.all(
      requests.map((r) => inbox.recent(r.actor, r.sinceMs, r.marginSeconds, r.sentIds, r.limit)),
    );
    expect(batch).toEqual(alone);
    const reports = batch.map((rows) => rows.map((r) => r.report_id));
    expect(reports[0]).toEqual([later]);
    expect(reports[1]).toEqual([reportId]);
    expect(reports[2]).toEqual([]);
    expect(reports[3]).toEqual([]);
  });
});
