import { QUEUES } from '@rilon/core';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor, jobIdOf, eventKeyOf } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { header } from '../worker/mail-helpers';
import { PrivateRedis } from '../worker/private-redis';
import { envelope, mailText, makeReport, outboxIdOf, queueOf, SseReader } from './notify-helpers';
import { WebhookReceiver } from './webhook-receiver';

/**
 * "Nothing lost or doubled when Redis, the worker or the mail server was down": each
 * case takes one dependency away, publishes over HTTP meanwhile, brings it back and
 * checks every channel once the queues have settled. The API and worker share a
 * redis-server of this file's own, so stopping it disturbs no other test file.
 */
jest.setTimeout(90_000);

const DEADLINE = 30_000;
const SECRET_B = 'team-b-outage-secret-0123';

describe('notifications across outages', () => {
  let redis: PrivateRedis;
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  const smtp = new TestSmtp();
  const receiver = new WebhookReceiver();
  /** Who may read an AMBER report of team A for team B, minus the publishing lead. */
  let expected: string[];

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    await redis.start();
    const smtpUrl = await smtp.start();
    await receiver.start();
    api = await startApi({
      REDIS_URL: redis.url,
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'rilon@rilon.test',
    });
    cast = await createCast(new Factory(api));
    expected = [cast.observer.id, cast.officer.id, cast.otherLead.id, cast.otherOfficer.id].sort();
    const rules = await api.put(
      '/me/subscriptions',
      { rules: [{ email: 'immediate' }] },
      { token: cast.otherOfficer.token },
    );
    expect(rules.status).toBe(200);
    const hook = await api.put(
      `/teams/${cast.teamB.id}/webhook`,
      { url: receiver.endpoint('B', SECRET_B), secret: SECRET_B },
      { token: cast.otherLead.token },
    );
    expect(hook.status).toBe(200);
    worker = await startWorker(api);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
    await receiver.stop();
    await redis?.stop();
  }, 60_000);

  function amberForB(tag: string): Record<string, unknown> {
    return envelope(cast.teamA.id, 'visa_fraud_trend', {
      tlp: 'AMBER',
      distribution: { teamIds: [cast.teamB.id] },
      title: `Outage ${tag} ${Math.random().toString(36).slice(2, 8)}`,
    });
  }

  /** Publishes as the lead over HTTP (the officer wrote the draft before). */
  async function publishDraft(draftId: string): Promise<void> {
    const res = await api.post(`/reports/${draftId}/publish`, {}, { token: cast.lead.token });
    expect(res.status).toBe(200);
  }

  async function waiting(outboxId: string): Promise<boolean> {
    const rows: Array<{ waiting: boolean }> = await api.db.query(
      'SELECT relayed_at IS NULL AS waiting FROM outbox_events WHERE id = $1',
      [outboxId],
    );
    return rows[0].waiting;
  }

  async function jobDone(queue: string, jobId: string): Promise<boolean> {
    return (await queueOf(worker, queue).getJobState(jobId)) === 'completed';
  }

  /**
   * Waits until every channel delivered the publication of `report`, then, with all its
   * jobs completed (nothing more can come), checks that each arrived exactly once.
   */
  async function expectDeliveredOnce(report: { id: string; title: string }): Promise<void> {
    const outboxId = await outboxIdOf(api, 'report.published', report.id);
    const rows = await waitFor(
      async () => {
        const found: Array<{ id: string; user_id: string }> = await api.db.query(
          'SELECT id, user_id FROM notifications WHERE report_id = $1 ORDER BY user_id',
          [report.id],
        );
        return found.length >= expected.length && found;
      },
      DEADLINE,
      'the inbox rows',
    );
    const mailed = rows.find((r) => r.user_id === cast.otherOfficer.id);
    expect(mailed).toBeDefined();
    const messageId = `<notification.${mailed!.id}.email@rilon.test>`;
    const deliveryId = `hook-${await eventKeyOf(api, outboxId)}-${cast.teamB.id}`;
    await waitFor(
      () => smtp.messages.some((m) => header(m, 'Message-ID') === messageId),
      DEADLINE,
      'the immediate e-mail',
    );
    await waitFor(() => receiver.withId('B', deliveryId).length > 0, DEADLINE, 'the webhook');
    await waitFor(
      async () =>
        (await jobDone(QUEUES.fanout, await jobIdOf(api, outboxId))) &&
        (await jobDone(QUEUES.email, `mail-${mailed!.id}`)) &&
        (await jobDone(QUEUES.webhook, deliveryId)),
      DEADLINE,
      'the jobs to settle',
    );

    // The inbox: exactly the readers, once each, all from the one outbox event.
    const again: Array<{ user_id: string; n: number; events: number }> = await api.db.query(
      `SELECT user_id, count(*)::int AS n, count(DISTINCT outbox_event_id)::int AS events
         FROM notifications WHERE report_id = $1 GROUP BY user_id ORDER BY user_id`,
      [report.id],
    );
    expect(again.map((r) => r.user_id)).toEqual(expected);
    expect(again.every((r) => r.n === 1 && r.events === 1)).toBe(true);

    // The e-mail: once, to its recipient only (the others' rules are in-app only).
    const mails = smtp.messages.filter((m) => mailText(m.raw).includes(report.title));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([cast.otherOfficer.email]);
    expect(header(mails[0], 'Message-ID')).toBe(messageId);

    // The webhook: once, signed with team B's secret, naming the report.
    const hooks = receiver.deliveries.filter((d) => d.raw.includes(report.id));
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ path: '/B', signed: true });
    expect(hooks[0].headers['x-rilon-delivery']).toBe(deliveryId);
    expect(JSON.parse(hooks[0].raw)).toMatchObject({
      event: 'report.published',
      report: { id: report.id, tlp: 'AMBER', version: 1 },
    });
  }

  it('Redis down: the API publishes, the event waits, and the open stream and every channel get it once after', async () => {
    const draft = await makeReport(api, cast.officer, cast.lead, amberForB('redis'), 'draft');
    const stream = new SseReader();
    await stream.open(`${api.baseUrl}/api/v1/notifications/stream`, cast.otherOfficer.token);
    expect(stream.status).toBe(200);
    const digest = queueOf(worker, QUEUES.digest);
    const schedulers = async (): Promise<number> => (await digest.getJobSchedulers()).length;
    await waitFor(async () => (await schedulers()) > 0, DEADLINE, 'the digest schedulers');
    try {
      await redis.stop();
      await publishDraft(draft.id);
      const outboxId = await outboxIdOf(api, 'report.published', draft.id);
      const relay = worker.app.get(OutboxRelay);
      await waitFor(() => relay.paused, DEADLINE, 'the relay to notice the outage');
      expect(await waiting(outboxId)).toBe(true);
      // Reads keep working too, and nothing was notified yet.
      const inbox = await api.get('/notifications', { token: cast.otherLead.token });
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.some((n: any) => n.reportId === draft.id)).toBe(false);

      await redis.start();
      // The stream opened before the outage stays open and delivers it: no reconnect needed.
      const live = await waitFor(
        () => stream.events.find((e) => e.data?.reportId === draft.id),
        DEADLINE,
        'the live notification after the outage',
      );
      expect(live).toMatchObject({
        event: 'notification',
        data: { event: 'report.published', title: draft.title, readAt: null },
      });
      await expectDeliveredOnce(draft as { id: string; title: string });
      expect(await waiting(outboxId)).toBe(false);
      expect(stream.events.filter((e) => e.data?.reportId === draft.id)).toHaveLength(1);
      // This Redis came back empty: the worker put the daily digest schedulers back.
      await waitFor(async () => (await schedulers()) > 0, DEADLINE, 'the digest schedulers again');
    } finally {
      await stream.close();
    }
  });

  it('worker down: the event waits in PostgreSQL and a new worker delivers it once', async () => {
    await worker.close();
    const report = await makeReport(api, cast.officer, cast.lead, amberForB('worker'));
    const outboxId = await outboxIdOf(api, 'report.published', report.id);
    expect(await waiting(outboxId)).toBe(true);
    worker = await startWorker(api);
    await expectDeliveredOnce(report as { id: string; title: string });
  });

  it('mail server down: the e-mail job retries and the mail arrives once when it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    const report = await makeReport(api, cast.officer, cast.lead, amberForB('smtp'));
    const mailJob = await waitFor(
      async () => {
        const rows: Array<{ id: string }> = await api.db.query(
          'SELECT id FROM notifications WHERE report_id = $1 AND user_id = $2',
          [report.id, cast.otherOfficer.id],
        );
        return rows[0] && `mail-${rows[0].id}`;
      },
      DEADLINE,
      'the notification row',
    );
    // At least one attempt failed against the stopped server before it comes back.
    await waitFor(
      async () => ((await queueOf(worker, QUEUES.email).getJob(mailJob))?.attemptsMade ?? 0) >= 1,
      DEADLINE,
      'a failed e-mail attempt',
    );
    expect(smtp.messages.some((m) => mailText(m.raw).includes(report.title as string))).toBe(false);
    await smtp.start(port);
    await expectDeliveredOnce(report as { id: string; title: string });
  });
});
