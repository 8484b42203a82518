import { Queue } from 'bullmq';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { tokenFromMail } from '../network/network-helpers';
import { createCast, Factory } from '../support/factories';
import { eventKeyOf, jobIdOf, startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { commitInvitation, emailQueue } from './mail-helpers';

/**
 * Hole 1.2: whoever can write Redis (or the queue dashboard) must not be able to redirect
 * an invitation, and the invitation link must not outlive its mail in PostgreSQL.
 */
describe('e-mail recipient, template and params come from PostgreSQL only', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let worker: RunningWorker;
  let queue: Queue;

  beforeAll(async () => {
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl, MAIL_FROM: 'rilon@rilon.test' });
    worker = await startWorker(api);
    queue = emailQueue(api);
  }, 60_000);

  afterAll(async () => {
    await queue.close();
    await worker.close();
    await api.close();
    await smtp.stop();
  }, 60_000);

  const outboxRow = async (id: string): Promise<{ payload: any; sent: boolean }> => {
    const rows: Array<{ payload: any; sent: boolean }> = await api.db.query(
      'SELECT payload, sent_at IS NOT NULL AS sent FROM outbox_events WHERE id = $1',
      [id],
    );
    return rows[0];
  };

  it('relays an e-mail as its outbox id alone: no recipient, template or params in Redis', async () => {
    const id = await commitInvitation(api, 'only-id@partner.test');
    await waitFor(() => smtp.to('only-id@partner.test').length > 0, 15_000, 'the mail');
    const job = await queue.getJob(await jobIdOf(api, id));
    expect(job?.data).toEqual({ outboxId: id });
  });

  it('sends to the recipient in PostgreSQL, whatever a job in Redis says', async () => {
    // A committed invitation the relay has not picked up (marked relayed), and a job that
    // someone with Redis access wrote for it, naming their own address and link.
    const rows: Array<{ id: string }> = await api.db.query(
      `INSERT INTO outbox_events (type, payload, relayed_at) VALUES ('email.send', $1, now())
       RETURNING id::text AS id`,
      [
        JSON.stringify({
          template: 'invitation',
          to: 'victim@partner.test',
          params: {
            displayName: 'Vic Tim',
            link: `${api.config.publicUrl}/invitations/accept?token=tok_victim_0123456789`,
          },
        }),
      ],
    );
    const id = rows[0].id;
    await queue.add(
      'email.send',
      {
        outboxId: id,
        eventKey: await eventKeyOf(api, id),
        type: 'email.send',
        payload: {
          template: 'invitation',
          to: 'attacker@evil.test',
          params: { displayName: 'Attacker', link: 'https://evil.test/steal' },
        },
        occurredAt: new Date().toISOString(),
      },
      { jobId: await jobIdOf(api, id) },
    );
    const [mail] = await waitFor(
      () => smtp.to('victim@partner.test').length > 0 && smtp.to('victim@partner.test'),
      15_000,
      'the mail to the recipient of the outbox row',
    );
    expect(mail.raw).toContain('tok_victim_0123456789');
    expect(mail.raw).not.toContain('evil.test');
    expect(smtp.to('attacker@evil.test')).toHaveLength(0);
  });

  it('erases the link from PostgreSQL once the mail is sent, and sends it only once', async () => {
    const cast = await createCast(new Factory(api));
    const address = 'erased.link@rilon.test';
    const created = await api.post(
      '/invitations',
      {
        email: address,
        displayName: 'Erased Link',
        memberCode: 'THA',
        teamId: cast.teamA.id,
        role: 'observer',
      },
      { token: cast.lead.token },
    );
    expect(created.status).toBe(201);
    const [mail] = await waitFor(
      () => smtp.to(address).length > 0 && smtp.to(address),
      15_000,
      'the invitation',
    );
    const token = tokenFromMail(mail.raw)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ids: Array<{ id: string }> = await api.db.query(
      `SELECT id::text AS id FROM outbox_events WHERE type = 'email.send' AND payload->>'to' = $1`,
      [address],
    );
    expect(ids).toHaveLength(1);
    const id = ids[0].id;
    const row = await waitFor(
      async () => {
        const r = await outboxRow(id);
        return r.sent && r;
      },
      10_000,
      'the row marked sent',
    );
    expect(JSON.stringify(row.payload)).not.toContain(token);
    expect(row.payload).toEqual({
      template: 'invitation',
      to: address,
      params: { displayName: 'Erased Link', teamName: expect.any(String) },
    });
    // Nowhere else in PostgreSQL either: the audit chain never held it.
    const anywhere: Array<{ n: number }> = await api.db.query(
      `SELECT (SELECT count(*) FROM outbox_events WHERE payload::text LIKE $1)
            + (SELECT count(*) FROM audit_events WHERE details::text LIKE $1) AS n`,
      [`%${token}%`],
    );
    expect(Number(anywhere[0].n)).toBe(0);

    // A job for the same event again (a retry after a crash, or one written into Redis):
    // it completes without a second mail.
    const again = await queue.add('email.send', { outboxId: id }, { jobId: `again-${id}` });
    await waitFor(async () => (await queue.getJob(again.id!))?.finishedOn, 15_000, 'the replay');
    expect((await queue.getJob(again.id!))?.returnvalue).toEqual({ sent: false });
    expect(smtp.to(address)).toHaveLength(1);

    // The token still works: only its hash was ever kept with the invitation.
    const accepted = await api.post('/invitations/accept', {
      token,
      password: 'erased link passphrase',
    });
    expect(accepted.status).toBe(201);
  });
});
