import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';
import {
  envelope,
  fanoutDone,
  makeReport,
  openStream,
  publishGreen,
  SseReader,
} from './notify-helpers';

jest.setTimeout(60000);

describe('inbox and live stream', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  const readers: SseReader[] = [];

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    await worker?.close();
    await api?.close();
  });

  function publish(title: string): Promise<string> {
    return publishGreen(api, worker, cast, title);
  }

  function stream(token: string, lastEventId?: string): Promise<SseReader> {
    return openStream(api, readers, token, lastEventId);
  }

  it('lists the caller’s own notifications newest first, pages them, and counts unread ones', async () => {
    const first = await publish('Forged visas at the land border');
    const second = await publish('Impostors on transit flights');
    const list = await api.get('/notifications?limit=1', { token: cast.observer.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        id: expect.any(String),
        event: 'report.published',
        reportId: second,
        title: 'Impostors on transit flights',
        urgent: false,
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    const next = await api.get(`/notifications?limit=1&cursor=${list.body.nextCursor}`, {
      token: cast.observer.token,
    });
    expect(next.body.items.map((n: any) => n.reportId)).toEqual([first]);
    const count = await api.get('/notifications/unread-count', { token: cast.observer.token });
    expect(count.body).toEqual({ count: 2 });
    // The publishing lead was told nothing.
    expect((await api.get('/notifications', { token: cast.lead.token })).body.items).toEqual([]);
  });

  it('marks one read (own only: anybody else’s is 404) and then all', async () => {
    const mine = (await api.get('/notifications', { token: cast.observer.token })).body.items;
    expect(
      (
        await api.post(`/notifications/${mine[0].id}/read`, undefined, {
          token: cast.otherLead.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await api.post('/notifications/not-a-uuid/read', undefined, { token: cast.observer.token }))
        .status,
    ).toBe(404);
    expect(
      (
        await api.post(`/notifications/${mine[0].id}/read`, undefined, {
          token: cast.observer.token,
        })
      ).status,
    ).toBe(204);
    const unread = await api.get('/notifications?unread=true', { token: cast.observer.token });
    expect(unread.body.items.map((n: any) => n.id)).toEqual([mine[1].id]);
    const all = await api.get('/notifications?unread=false', { token: cast.observer.token });
    expect(all.body.items[0].readAt).toEqual(expect.any(String));
    expect(
      (await api.post('/notifications/read-all', undefined, { token: cast.observer.token })).status,
    ).toBe(204);
    expect(
      (await api.get('/notifications/unread-count', { token: cast.observer.token })).body,
    ).toEqual({ count: 0 });
    // Someone else's inbox is untouched.
    expect(
      (await api.get('/notifications/unread-count', { token: cast.admin.token })).body.count,
    ).toBe(2);
  });

  it.each([['yes'], ['1'], ['TRUE']])('parses ?unread strictly (%s is a 400)', async (value) => {
    const res = await api.get(`/notifications?unread=${value}`, { token: cast.observer.token });
    expect(res.status).toBe(400);
  });

  it('refuses bad paging and anonymous or suspended callers', async () => {
    expect((await api.get('/notifications?limit=0', { token: cast.observer.token })).status).toBe(
      400,
    );
    expect(
      (await api.get('/notifications?cursor=garbage', { token: cast.observer.token })).status,
    ).toBe(400);
    for (const path of ['/notifications', '/notifications/unread-count', '/notifications/stream']) {
      expect((await api.get(path)).status).toBe(401);
      expect((await api.get(path, { token: cast.suspended.token })).status).toBe(401);
    }
    expect((await api.post('/notifications/read-all')).status).toBe(401);
  });

  it('hides a notification once its report is no longer readable by the recipient', async () => {
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', { tlp: 'GREEN', title: 'Soon restricted' }),
    );
    await fanoutDone(api, worker, 'report.published', report.id);
    const before = await api.get('/notifications/unread-count', { token: cast.otherOfficer.token });
    const amended = await api.patch(
      `/reports/${report.id}`,
      { tlp: 'AMBER' },
      { token: cast.lead.token },
    );
    expect(amended.status).toBe(200);
    const after = await api.get('/notifications', { token: cast.otherOfficer.token });
    expect(after.body.items.map((n: any) => n.reportId)).not.toContain(report.id);
    const count = await api.get('/notifications/unread-count', { token: cast.otherOfficer.token });
    expect(count.body.count).toBe(before.body.count - 1);
  });

  it('streams a notification created while the stream is open, as the list shows it', async () => {
    const reader = await stream(cast.otherLead.token);
    expect(reader.status).toBe(200);
    expect(reader.headers?.get('content-type')).toContain('text/event-stream');
    expect(reader.headers?.get('x-request-id')).toBeTruthy();
    await waitFor(() => reader.comments.length > 0, 5000, 'the opening comment');
    const reportId = await publish('Counterfeit residence permits');
    const event = await waitFor(
      () => reader.events.find((e) => e.data?.reportId === reportId),
      10000,
      'the streamed notification',
    );
    expect(event.event).toBe('notification');
    const listed = (await api.get('/notifications?limit=1', { token: cast.otherLead.token })).body
      .items[0];
    expect(event.id).toBe(listed.id);
    expect(event.data).toEqual(listed);
    // Only the caller's own notifications travel on their stream.
    expect(reader.events.every((e) => e.data.id !== undefined)).toBe(true);
  });

  it('resumes after Last-Event-ID with what was created meanwhile, then goes live', async () => {
    const listed = (await api.get('/notifications?limit=1', { token: cast.auditor.token })).body
      .items[0];
    const missed = await publish('Missed while offline');
    const reader = await stream(cast.auditor.token, listed.id);
    const resumed = await waitFor(
      () => reader.events.find((e) => e.data?.reportId === missed),
      10000,
      'the resumed notification',
    );
    expect(reader.events.map((e) => e.id)).not.toContain(listed.id);
    expect(resumed.event).toBe('notification');
    const live = await publish('Live after resume');
    await waitFor(() => reader.events.find((e) => e.data?.reportId === live), 10000, 'live event');
    expect(reader.events.filter((e) => e.data?.reportId === missed)).toHaveLength(1);
  });
});
