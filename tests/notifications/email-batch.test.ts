import { QUEUES } from '@rilon/core';
import { notificationMailJobId } from '@rilon/notifications';
import type { Job } from 'bullmq';
import { EmailProcessor } from '../../apps/worker/src/email/email.processor';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { envelope, fanoutDone, mailText, makeReport, queueOf } from './notify-helpers';

jest.setTimeout(60000);

/**
 * The immediate mails of one fan-out go as batch jobs (`notification.batch`, MAIL_BATCH
 * recipients each): every reader gets one mail, a refused recipient becomes its own job
 * without holding up the rest, and a batch run again mails nobody twice.
 */
describe('batched notification e-mail', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  let readers: TestUser[];
  let refused: TestUser;
  const smtp = new TestSmtp();

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl });
    const factory = new Factory(api);
    cast = await createCast(factory);
    readers = [];
    for (const n of [1, 2, 3, 4]) {
      readers.push(
        await factory.user({ teams: [[cast.teamA.id, 'officer']], displayName: `Reader ${n}` }),
      );
    }
    refused = await factory.user({ teams: [[cast.teamB.id, 'observer']], displayName: 'Gone' });
    smtp.refused.add(refused.email.toLowerCase());
    for (const user of [...readers, refused])
      await api.put(
        '/me/subscriptions',
        { rules: [{ email: 'immediate' }] },
        { token: user.token },
      );
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
  });

  const mailsWith = (user: TestUser, title: string) =>
    smtp.to(user.email).filter((m) => mailText(m.raw).includes(title));

  it('mails every reader once, requeues a refused one alone, and a rerun mails nobody twice', async () => {
    const title = `Batched mail ${Math.random().toString(36).slice(2, 8)}`;
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', { tlp: 'GREEN', title }),
    );
    const outboxId = await fanoutDone(api, worker, 'report.published', report.id);

    // One batch job for the event's five immediate mails, not five jobs.
    const email = queueOf(worker, QUEUES.email);
    const jobs = (await email.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']))
      .filter((j): j is Job => Boolean(j))
      .filter((j) => (j.data as { outboxId?: string }).outboxId === outboxId);
    expect(jobs.map((j) => j.name)).toEqual(['notification.batch']);
    const batch = jobs[0];
    expect(batch.id).toMatch(/^mails-/);

    await waitFor(
      () => readers.every((r) => mailsWith(r, title).length === 1) || null,
      15000,
      'a mail to each reader',
    );
    const rows: Array<{ id: string; user_id: string; emailed_at: Date | null }> =
      await api.db.query(
        `SELECT id, user_id, emailed_at FROM notifications
          WHERE outbox_event_id = $1 AND email = 'immediate'`,
        [outboxId],
      );
    expect(rows).toHaveLength(5);
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    for (const reader of readers) expect(byUser.get(reader.id)?.emailed_at).not.toBeNull();
    const refusedRow = byUser.get(refused.id);
    expect(refusedRow?.emailed_at).toBeNull();
    expect(mailsWith(refused, title)).toHaveLength(0);

    // The refused recipient is a job of its own, under the id it would have had alone.
    const own = await waitFor(
      () => email.getJob(notificationMailJobId(refusedRow!.id)).then((j) => j ?? null),
      10000,
      'the refused recipient requeued as its own job',
    );
    expect(own.name).toBe('notification.immediate');

    // The batch run again (a worker that died after sending): only the refused one is
    // tried again, it is not requeued twice, and no reader gets a second mail.
    const processor = worker.app.get(EmailProcessor);
    await expect(
      processor.process({ id: batch.id, name: batch.name, data: batch.data } as Job),
    ).resolves.toEqual({ sent: false, mailed: 0, requeued: 1 });
    await new Promise((r) => setTimeout(r, 500));
    for (const reader of readers) expect(mailsWith(reader, title)).toHaveLength(1);
    const again = (await email.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']))
      .filter((j): j is Job => Boolean(j))
      .filter((j) => j.id === notificationMailJobId(refusedRow!.id));
    expect(again).toHaveLength(1);
  });
});
