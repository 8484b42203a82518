import { addOutboxEvent } from '@rilon/core';
import { Queue } from 'bullmq';
import { OutboxPruner } from '../../apps/worker/src/outbox/outbox-pruner';
import { startApi, startWorker, TestApi, waitFor, jobIdOf } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { commitInvitation, emailQueue, header, readable, relayedAt } from './mail-helpers';

describe('outbox relay and e-mail', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let worker: RunningWorker;
  let queue: Queue;
  const extra: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl, MAIL_FROM: 'RILON portal <noreply@rilon.test>' });
    worker = await startWorker(api);
    queue = emailQueue(api);
  }, 60_000);

  afterAll(async () => {
    await queue.close();
    for (const item of extra) await item.close();
    await worker.close();
    await api.close();
    await smtp.stop();
  }, 60_000);

  it('turns a committed email.send event into an invitation e-mail', async () => {
    const id = await commitInvitation(api, 'ana@partner.test');
    const [mail] = await waitFor(
      () => smtp.to('ana@partner.test').length > 0 && smtp.to('ana@partner.test'),
      15_000,
      'the invitation',
    );
    const text = readable(mail);
    expect(header(mail, 'Subject')).toBe('Your invitation to the RILON portal');
    expect(header(mail, 'Message-ID')).toBe(`<${await jobIdOf(api, id)}@rilon.test>`);
    expect(header(mail, 'X-Rilon-Delivery')).toBe(await jobIdOf(api, id));
    expect(mail.from).toBe('noreply@rilon.test');
    expect(text).toContain(
      `${api.config.publicUrl}/invitations/accept?token=tok_ana_0123456789abcdef`,
    );
    expect(text).toContain('Hello Ana Invitee');
    expect(text).toContain('Team Bangkok');
    expect(text).toContain('valid for 7 days');
    expect(await relayedAt(api, id)).toBeInstanceOf(Date);
    const job = await queue.getJob(await jobIdOf(api, id));
    expect(job?.returnvalue).toEqual({
      sent: true,
      messageId: `<${await jobIdOf(api, id)}@rilon.test>`,
    });
    // The link (and its token) stayed in PostgreSQL: the job is the outbox id alone, so
    // neither Redis nor the queue dashboard holds the link or the recipient.
    expect(job?.data).toEqual({ outboxId: id });
  });

  it('adds nothing twice when the relay runs twice or a job is added again', async () => {
    const id = await commitInvitation(api, 'bo@partner.test');
    await waitFor(() => smtp.to('bo@partner.test').length > 0, 15_000, 'the first mail');
    const first = await queue.getJob(await jobIdOf(api, id));
    await waitFor(
      async () => (await queue.getJob(await jobIdOf(api, id)))?.finishedOn,
      5_000,
      'completion',
    );
    // Taken once the job has finished: attemptsMade moves when an attempt ends, which may be
    // after the mail has reached the SMTP server.
    const done = (await queue.getJob(await jobIdOf(api, id)))!;
    const finishedOn = done.finishedOn;

    // A relay that crashed after adding but before committing: the row is unrelayed again.
    await api.db.query('UPDATE outbox_events SET relayed_at = NULL WHERE id = $1', [id]);
    await waitFor(() => relayedAt(api, id), 10_000, 'the second relay');
    const again = await queue.add('email.send', first!.data, { jobId: await jobIdOf(api, id) });
    expect(again.id).toBe(await jobIdOf(api, id));

    const job = await queue.getJob(await jobIdOf(api, id));
    expect(job?.finishedOn).toBe(finishedOn);
    expect(job?.attemptsMade).toBe(done.attemptsMade);
    expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
    });
    expect(smtp.to('bo@partner.test')).toHaveLength(1);
  });

  it('relays from two workers side by side, each event once', async () => {
    const second = await startWorker(api);
    extra.push(second);
    const addresses = Array.from({ length: 40 }, (_, i) => `many${i}@partner.test`);
    const ids = await api.db.transaction(async (manager) => {
      const out: string[] = [];
      for (const to of addresses) {
        out.push(
          await addOutboxEvent(manager, 'email.send', {
            template: 'invitation',
            to,
            params: { displayName: 'Many', link: 'https://rilon.test/invitations/accept?token=x' },
          }),
        );
      }
      return out;
    });
    await waitFor(() => addresses.every((a) => smtp.to(a).length > 0), 30_000, 'all forty mails');
    const messageIds = addresses.map((a) => header(smtp.to(a)[0], 'Message-ID'));
    expect(new Set(messageIds).size).toBe(40);
    expect(messageIds.sort()).toEqual(
      (await Promise.all(ids.map(async (id) => `<${await jobIdOf(api, id)}@rilon.test>`))).sort(),
    );
    expect(addresses.every((a) => smtp.to(a).length === 1)).toBe(true);
  });

  it('keeps an e-mail whose template cannot render in the failed set, without retries', async () => {
    const id = await commitInvitation(api, 'nobody@partner.test', { link: '' });
    const jobId = await jobIdOf(api, id);
    const job = await waitFor(
      async () => {
        const seen = await queue.getJob(jobId);
        if (!seen || (await seen.getState()) !== 'failed') return undefined;
        // Read it again: `seen` may be a snapshot from before the move to failed.
        return queue.getJob(jobId);
      },
      15_000,
      'the failed job',
    );
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('template "invitation" misses link');
    expect(job.failedReason).not.toContain('nobody@partner.test');
  });

  it('delivers after the mail server comes back', async () => {
    const port = smtp.port;
    await smtp.stop();
    const id = await commitInvitation(api, 'cy@partner.test');
    await waitFor(
      async () => ((await queue.getJob(await jobIdOf(api, id)))?.attemptsMade ?? 0) >= 1,
      15_000,
      'a failed attempt',
    );
    const failed = await queue.getJob(await jobIdOf(api, id));
    expect(failed?.failedReason).toMatch(/^SMTP delivery failed \(/);
    smtp = new TestSmtp();
    await smtp.start(port);
    const [mail] = await waitFor(
      () => smtp.to('cy@partner.test').length > 0 && smtp.to('cy@partner.test'),
      30_000,
      'the mail after the outage',
    );
    expect(header(mail, 'Message-ID')).toBe(`<${await jobIdOf(api, id)}@rilon.test>`);
  });

  it('prunes relayed events after seven days, and never unrelayed ones', async () => {
    const rows: Array<{ id: string }> = await api.db.query(
      `INSERT INTO outbox_events (type, payload, created_at, relayed_at) VALUES
         ('report.published', '{}', now() - interval '9 days', now() - interval '8 days'),
         ('report.published', '{}', now() - interval '9 days', now() - interval '6 days')
       RETURNING id::text AS id`,
    );
    await worker.app.get(OutboxPruner).prune();
    const left: Array<{ id: string }> = await api.db.query(
      'SELECT id::text AS id FROM outbox_events WHERE id = ANY($1::bigint[])',
      [rows.map((r) => r.id)],
    );
    expect(left.map((r) => r.id)).toEqual([rows[1].id]);
  });
});
