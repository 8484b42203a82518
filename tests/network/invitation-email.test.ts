import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { tokenFromMail } from './network-helpers';

jest.setTimeout(60000);

/**
 * End to end: the invitation goes through the outbox, the worker's relay and e-mail
 * processor, and a real SMTP server; the token is taken from the mail as a person would.
 */
describe('invitation e-mail, end to end', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;

  beforeAll(async () => {
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    api = await startApi({ SMTP_URL: smtpUrl, MAIL_FROM: 'rilon@portal.test' });
    worker = await startWorker(api);
    cast = await createCast(new Factory(api));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.stop();
  });

  it('a lead invites an observer; the mail arrives; its link makes the account', async () => {
    const address = 'mailed.observer@rilon.test';
    const created = await api.post(
      '/invitations',
      {
        email: address,
        displayName: 'Mailed Observer',
        memberCode: 'LKA',
        teamId: cast.teamA.id,
        role: 'observer',
      },
      { token: cast.lead.token },
    );
    expect(created.status).toBe(201);

    const [mail] = await waitFor(
      () => {
        const mails = smtp.to(address);
        return mails.length > 0 ? mails : null;
      },
      30000,
      'the invitation e-mail',
    );
    expect(mail.from).toBe('rilon@portal.test');
    expect(mail.raw).toMatch(/Subject: .*invitation/i);
    const token = tokenFromMail(mail.raw);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const accepted = await api.post('/invitations/accept', {
      token,
      password: 'observer passphrase 1',
    });
    expect(accepted.status).toBe(201);
    const login = await api.post('/auth/login', {
      email: address,
      password: 'observer passphrase 1',
    });
    expect(login.status).toBe(200);
    const me = await api.get('/me', { token: login.body.accessToken });
    expect(me.body).toMatchObject({
      id: accepted.body.userId,
      displayName: 'Mailed Observer',
      memberCode: 'LKA',
    });
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ teamId: cast.teamA.id, role: 'observer' }),
    ]);

    // The link works once.
    expect(
      (await api.post('/invitations/accept', { token, password: 'observer passphrase 2' })).status,
    ).toBe(410);
    // Exactly one mail, however the relay and the job ran.
    expect(smtp.to(address)).toHaveLength(1);
  });

  it('an account created without a password gets its invitation by mail too', async () => {
    const address = 'passwordless@rilon.test';
    const created = await api.post(
      '/users',
      { email: address, displayName: 'No Password Yet', memberCode: 'NZL' },
      { token: cast.admin.token },
    );
    expect(created.status).toBe(201);
    const [mail] = await waitFor(
      () => {
        const mails = smtp.to(address);
        return mails.length > 0 ? mails : null;
      },
      30000,
      'the account invitation e-mail',
    );
    const token = tokenFromMail(mail.raw);
    const accepted = await api.post('/invitations/accept', {
      token,
      password: 'my first password',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.userId).toBe(created.body.id);
    expect(
      (await api.post('/auth/login', { email: address, password: 'my first password' })).status,
    ).toBe(200);
  });
});
