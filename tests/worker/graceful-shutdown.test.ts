import { Queue } from 'bullmq';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { EmailProcessor } from '../../apps/worker/src/email/email.processor';
import { startApi, startWorker, TestApi, waitFor, jobIdOf } from '../support/harness';
import { commitInvitation, emailQueue } from './mail-helpers';

/** An SMTP server that holds its reply to DATA until the test opens the gate. */
class GatedSmtp {
  received = 0;
  delivered = 0;
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.resume();
      stream.on('end', () => {
        this.received += 1;
        void this.gate.then(() => {
          this.delivered += 1;
          callback();
        });
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  release(): void {
    this.open();
  }

  stop(): Promise<void> {
    this.release();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('worker shutdown', () => {
  let smtp: GatedSmtp;
  let api: TestApi;
  let queue: Queue;

  beforeAll(async () => {
    smtp = new GatedSmtp();
    api = await startApi({ SMTP_URL: await smtp.start() });
    queue = emailQueue(api);
  }, 60_000);

  afterAll(async () => {
    await queue.close();
    await api.close();
    await smtp.stop();
  }, 60_000);

  it('waits for the active e-mail job before it closes, and loses nothing', async () => {
    const worker = await startWorker(api);
    const id = await commitInvitation(api, 'slow@partner.test');
    await waitFor(() => smtp.received === 1, 15_000, 'the message to reach the mail server');
    const bullWorker = worker.app.get(EmailProcessor).worker;

    let closed = false;
    const closing = worker.close().then(() => (closed = true));
    await waitFor(() => bullWorker.closing !== undefined, 10_000, 'the worker to start closing');
    expect(await (await queue.getJob(await jobIdOf(api, id)))?.getState()).toBe('active');
    expect(closed).toBe(false);

    smtp.release();
    await closing;
    expect(smtp.delivered).toBe(1);
    const job = await queue.getJob(await jobIdOf(api, id));
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toMatchObject({ sent: true });
  });
});
