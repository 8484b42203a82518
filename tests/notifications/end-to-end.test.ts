import { QUEUES } from '@rilon/core';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory, TestTeam, TestUser } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor, eventKeyOf } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { header } from '../worker/mail-helpers';
import { envelope, fanoutDone, mailText, makeReport, queueOf, SseReader } from './notify-helpers';
import { WebhookReceiver } from './webhook-receiver';

/**
 * Issue 4's "done when", in one path through the real API and worker: a lead of team A
 * publishes an AMBER report for team B; team B's officer sees it live and in the inbox,
 * e-mail follows the rules, team B's webhook fires and nobody else hears of it.
 */
jest.setTimeout(60_000);

const DEADLINE = 15_000;
const SECRET_B = 'team-b-e2e-secret-0123456';
const SECRET_C = 'team-c-e2e-secret-0123456';

function gauge(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

describe('a publication, end to end', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  let teamC: TestTeam;
  let cOfficer: TestUser;
  const smtp = new TestSmtp();
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    await receiver.start();
    api = await startApi({ SMTP_URL: smtpUrl, MAIL_FROM: 'rilon@rilon.test' });
    const factory = new Factory(api);
    cast = await createCast(factory);
    teamC = await factory.team('Team Manila');
    cOfficer = await factory.user({ teams: [[teamC.id, 'officer']], displayName: 'Officer C' });
    const cLead = await factory.user({ teams: [[teamC.id, 'lead']], displayName: 'Lead C' });
    // E-mail at once for team B's officer; also for users who must hear nothing of it.
    for (const user of [cast.otherOfficer, cOfficer, cast.admin]) {
      const res = await api.put(
        '/me/subscriptions',
        { rules: [{ email: 'immediate' }] },
        { token: user.token },
      );
      expect(res.status).toBe(200);
    }
    // Only a team's leads set its webhook (issue 12).
    for (const [team, name, secret, lead] of [
      [cast.teamB.id, 'B', SECRET_B, cast.otherLead],
      [teamC.id, 'C', SECRET_C, cLead],
    ] as const) {
      const res = await api.put(
        `/teams/${team}/webhook`,
        { url: receiver.endpoint(name, secret), secret },
        { token: lead.token },
      );
      expect(res.status).toBe(200);
    }
    worker = await startWorker(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
    await receiver.stop();
  });

  it('reaches team A and B members live, in the inbox, by e-mail and webhook, and nobody else', async () => {
    const stream = new SseReader();
    await stream.open(`${api.baseUrl}/api/v1/notifications/stream`, cast.otherOfficer.token);
    expect(stream.status).toBe(200);
    try {
      await waitFor(() => stream.comments.includes('connected'), DEADLINE, 'the stream to open');
      const title = `End to end ${Math.random().toString(36).slice(2, 8)}`;
      const report = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', {
          tlp: 'AMBER',
          distribution: { teamIds: [cast.teamB.id] },
          title,
        }),
      );

      // Live: team B's officer sees it on the open stream.
      const live = await waitFor(
        () => stream.events.find((e) => e.data?.reportId === report.id),
        DEADLINE,
        'the live notification',
      );
      expect(live.event).toBe('notification');
      expect(live.data).toEqual({
        id: live.id,
        event: 'report.published',
        reportId: report.id,
        title,
        urgent: false,
        createdAt: expect.any(String),
        readAt: null,
      });
      const metrics = await api.get('/metrics');
      expect(gauge(metrics.text, 'rilon_notifications_live_streams')).toBe(1);

      // Inbox: the members of A and B, once each; not the publishing lead, team C, the
      // administrator (no membership), the auditor or the suspended user.
      const outboxId = await fanoutDone(api, worker, 'report.published', report.id);
      const rows: Array<{ id: string; user_id: string; email: string }> = await api.db.query(
        'SELECT id, user_id, email FROM notifications WHERE report_id = $1 ORDER BY user_id',
        [report.id],
      );
      expect(rows.map((r) => r.user_id)).toEqual(
        [cast.observer.id, cast.officer.id, cast.otherLead.id, cast.otherOfficer.id].sort(),
      );
      const inbox = await api.get('/notifications', { token: cast.otherOfficer.token });
      expect(inbox.body.items.filter((n: any) => n.reportId === report.id)).toEqual([live.data]);
      for (const outsider of [cast.lead, cOfficer, cast.admin, cast.auditor]) {
        const other = await api.get('/notifications', { token: outsider.token });
        expect(other.status).toBe(200);
        expect(other.body.items.some((n: any) => n.reportId === report.id)).toBe(false);
      }
      const scrape = await api.get('/metrics');
      expect(gauge(scrape.text, 'rilon_notifications_created_last_minute')).toBeGreaterThanOrEqual(
        rows.length,
      );

      // E-mail: only the one whose rules ask for it at once (team B's officer).
      const mailed = rows.filter((r) => r.email === 'immediate');
      expect(mailed.map((r) => r.user_id)).toEqual([cast.otherOfficer.id]);
      const mail = await waitFor(
        () => smtp.messages.find((m) => mailText(m.raw).includes(title)),
        DEADLINE,
        'the immediate e-mail',
      );
      expect(mail.to).toEqual([cast.otherOfficer.email]);
      expect(header(mail, 'Message-ID')).toBe(`<notification.${mailed[0].id}.email@rilon.test>`);

      // Webhook: team B's fires, signed; team C's was never even queued.
      const deliveryId = `hook-${await eventKeyOf(api, outboxId)}-${cast.teamB.id}`;
      const [hook] = await waitFor(
        () => receiver.withId('B', deliveryId).length > 0 && receiver.withId('B', deliveryId),
        DEADLINE,
        "team B's webhook",
      );
      expect(hook.signed).toBe(true);
      expect(JSON.parse(hook.raw)).toEqual({
        event: 'report.published',
        occurredAt: expect.any(String),
        report: {
          id: report.id,
          type: 'visa_fraud_trend',
          title,
          tlp: 'AMBER',
          urgent: false,
          version: 1,
        },
      });
      const webhooks = queueOf(worker, QUEUES.webhook);
      expect(
        await webhooks.getJob(`hook-${await eventKeyOf(api, outboxId)}-${teamC.id}`),
      ).toBeUndefined();
      await waitFor(
        async () => (await webhooks.getJobState(deliveryId)) === 'completed',
        DEADLINE,
        'the webhook job',
      );
      expect(receiver.to('C')).toHaveLength(0);
      expect(receiver.deliveries.filter((d) => d.raw.includes(report.id))).toHaveLength(1);
      expect(smtp.messages.filter((m) => mailText(m.raw).includes(title))).toHaveLength(1);
    } finally {
      await stream.close();
    }
    await waitFor(
      async () => gauge((await api.get('/metrics')).text, 'rilon_notifications_live_streams') === 0,
      DEADLINE,
      'the stream gauge to drop',
    );
  });
});
