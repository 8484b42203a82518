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
  let factory: Factory;
  const smtp = new TestSmtp();

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl });
    factory = new Factory(api);
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

  it('lists 500 updates in a digest and counts the rest, which stay in the inbox', async () => {
    // Alone in its zone, so the digest run below claims this user only.
    const team = await factory.team(
      'Team Auckland',
      await factory.capital('Auckland', 'NZL', 'Pacific/Auckland'),
    );
    const busy = await factory.user({ teams: [[team.id, 'observer']], memberCode: 'NZL' });
    await api.put('/me/subscriptions', { rules: [{ email: 'daily' }] }, { token: busy.token });
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', { tlp: 'GREEN', title: 'Busy day item' }),
    );
    await fanoutDone(api, worker, 'report.published', report.id);
    // 500 more daily rows of the same report (one statement; the outbox ids are unused ones).
    await api.db.query(
      `INSERT INTO notifications (id, user_id, outbox_event_id, event, report_id, title, email)
       SELECT rilon_uuid_v7(), n.user_id, 9000000000 + g, n.event, n.report_id, n.title, 'daily'
         FROM notifications n CROSS JOIN generate_series(1, 500) g
        WHERE n.user_id = $1 AND n.report_id = $2`,
      [busy.id, report.id],
    );
    const processor = worker.app.get(DigestProcessor);
    const run = await processor.process({
      name: 'digest.run',
      data: { zone: 'Pacific/Auckland' },
      timestamp: Date.now(),
    } as Job);
    expect(run.users).toBe(1);
    const received = await waitFor(() => smtp.to(busy.email)[0], 15000, 'the digest');
    const text = mailText(received.raw);
    expect(text).toContain('501 report updates');
    expect(text).toMatch(/^500\. Busy day item/m);
    expect(text).not.toMatch(/^501\. /m);
    expect(text).toContain('and 1 more update not listed here');
    expect(text).toContain('/api/v1/notifications');
    // Every row was claimed by this digest and every one is still in the inbox.
    const rows = await api.db.query(
      `SELECT count(*)::int AS n, count(emailed_at)::int AS claimed FROM notifications
        WHERE user_id = $1 AND email = 'daily'`,
      [busy.id],
    );
    expect(rows[0]).toEqual({ n: 501, claimed: 501 });
  });
});
