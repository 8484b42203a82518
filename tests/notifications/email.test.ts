import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@rilon/core';
import type { Job, Queue } from 'bullmq';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { DigestSchedulerService } from '../../apps/worker/src/notifications/digest-scheduler.service';
import { DigestProcessor } from '../../apps/worker/src/notifications/digest.processor';
import { NotificationMailRenderer } from '../../apps/worker/src/notifications/notification-mail.renderer';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { envelope, fanoutDone, mailText, makeReport } from './notify-helpers';

jest.setTimeout(60000);

const SUMMARY = 'Biodata pages substituted; detected at departure control.';
const BODY_TEXT = 'laminate edges lift near the photo';

describe('notification e-mail', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  let reader: TestUser;
  let daily: TestUser;
  const smtp = new TestSmtp();

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl });
    const factory = new Factory(api);
    cast = await createCast(factory);
    // In team A (Asia/Bangkok) and a named recipient of RED reports; e-mailed at once.
    reader = await factory.user({ teams: [[cast.teamA.id, 'officer']], displayName: 'Reader' });
    daily = await factory.user({ teams: [[cast.teamB.id, 'observer']], displayName: 'Daily' });
    await api.put(
      '/me/subscriptions',
      { rules: [{ email: 'immediate' }] },
      { token: reader.token },
    );
    await api.put('/me/subscriptions', { rules: [{ email: 'daily' }] }, { token: daily.token });
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
  });

  async function mailFor(tlp: string, extra: Record<string, unknown> = {}) {
    const title = `E-mail check ${tlp} ${Math.random().toString(36).slice(2, 6)}`;
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', { tlp, title, ...extra }),
    );
    const outboxId = await fanoutDone(api, worker, 'report.published', report.id);
    const rows = await api.db.query(
      `SELECT id FROM notifications WHERE outbox_event_id = $1 AND user_id = $2`,
      [outboxId, reader.id],
    );
    const mail = await waitFor(
      () =>
        smtp
          .to(reader.email)
          .map((m) => ({ raw: mailText(m.raw) }))
          .find((m) => m.raw.includes(title)),
      15000,
      `the ${tlp} mail`,
    );
    return { mail, report, notificationId: rows[0].id as string };
  }

  it.each([['CLEAR'], ['GREEN'], ['AMBER']])(
    'a %s mail carries title, TLP, summary and link, never the body',
    async (tlp) => {
      const { mail, report, notificationId } = await mailFor(tlp);
      expect(mail.raw).toContain(`TLP:${tlp}`);
      expect(mail.raw).toContain(SUMMARY);
      expect(mail.raw).toContain(`/reports/${report.id}`);
      expect(mail.raw).not.toContain(BODY_TEXT);
      expect(mail.raw).toMatch(
        new RegExp(`Message-ID: <notification\\.${notificationId}\\.email@`, 'i'),
      );
    },
  );

  it.each([
    ['AMBER+STRICT', {}],
    ['RED', { distribution: { userIds: ['READER'] } }],
  ])('a %s mail carries title, TLP and link only', async (tlp, extra) => {
    const distribution = (extra as any).distribution
      ? { distribution: { userIds: [reader.id] } }
      : {};
    const { mail, report } = await mailFor(tlp, distribution);
    expect(mail.raw).toContain(`TLP:${tlp}`);
    expect(mail.raw).toContain(`/reports/${report.id}`);
    expect(mail.raw).not.toContain('Biodata pages substituted');
    expect(mail.raw).not.toContain(BODY_TEXT);
  });

  it('re-checks visibility at send time: a report restricted meanwhile is not mailed', async () => {
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', { tlp: 'GREEN' }),
    );
    const outboxId = await fanoutDone(api, worker, 'report.published', report.id);
    const rows = await api.db.query(
      `SELECT id FROM notifications WHERE outbox_event_id = $1 AND user_id = $2`,
      [outboxId, reader.id],
    );
    const renderer = worker.app.get(NotificationMailRenderer);
    await expect(renderer.render({ notificationId: rows[0].id })).resolves.toMatchObject({
      to: reader.email,
    });
    await api.db.query(
      `UPDATE reports SET tlp = 'RED', recipient_user_ids = ARRAY[$2::uuid] WHERE id = $1`,
      [report.id, cast.otherLead.id],
    );
    await expect(renderer.render({ notificationId: rows[0].id })).resolves.toBeNull();
  });

  it('keeps one 07:00 scheduler per time zone in use', async () => {
    const ids = await worker.app.get(DigestSchedulerService).sync();
    expect(ids).toEqual(
      expect.arrayContaining(['digest-UTC', 'digest-Asia/Bangkok', 'digest-Asia/Colombo']),
    );
    const queue = worker.app.get<Queue>(getQueueToken(QUEUES.digest));
    const schedulers = await queue.getJobSchedulers(0, -1);
    const bangkok = schedulers.find((s) => s.key === 'digest-Asia/Bangkok');
    expect(bangkok).toMatchObject({ pattern: '0 7 * * *', tz: 'Asia/Bangkok' });
  });

  it('sends a daily digest of the unsent daily notifications, once', async () => {
    const titles: string[] = [];
    for (const tlp of ['GREEN', 'CLEAR']) {
      const title = `Digest item ${tlp} ${Math.random().toString(36).slice(2, 6)}`;
      titles.push(title);
      const report = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', { tlp, title }),
      );
      await fanoutDone(api, worker, 'report.published', report.id);
    }
    expect(smtp.to(daily.email)).toHaveLength(0);
    const processor = worker.app.get(DigestProcessor);
    const job = {
      name: 'digest.run',
      data: { zone: 'Asia/Colombo' },
      timestamp: Date.now(),
    } as Job;
    const first = await processor.process(job);
    expect(first.users).toBeGreaterThanOrEqual(1);
    const received = await waitFor(() => smtp.to(daily.email)[0], 15000, 'the digest');
    const mail = { raw: mailText(received.raw) };
    for (const title of titles) expect(mail.raw).toContain(title);
    expect(mail.raw).toMatch(/Message-ID: <digest\./i);
    // A second run (a retry) claims nothing new and sends nothing new.
    await processor.process(job);
    const email = worker.app.get<Queue>(getQueueToken(QUEUES.email));
    const digestJobs = (await email.getJobs(['waiting', 'active', 'delayed', 'completed'])).filter(
      (j) => j.name === 'notification.digest' && (j.data as { userId: string }).userId === daily.id,
    );
    expect(digestJobs).toHaveLength(1);
    const pending = await api.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND email = 'daily' AND emailed_at IS NULL`,
      [daily.id],
    );
    expect(pending[0].n).toBe(0);
    expect(smtp.to(daily.email)).toHaveLength(1);
  });
});
