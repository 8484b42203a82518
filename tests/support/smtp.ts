import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
export class TestSmtp {
  readonly messages: ReceivedMail[] = [];
  /** Recipients refused at RCPT TO with a permanent 550, as a mail server refuses a dead mailbox. */
  readonly refused = new Set<string>();
  private server: SMTPServer;
  private stopped = false;
  port = 0;

  constructor() {
    this.server = this.create();
  }

  /** An smtp-server refuses connections (421) once closed: a restart needs a new one. */
  private create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.refused.has(address.address.toLowerCase())) return callback();
        callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
  }

  /** Listens on `port` (0: a free one); pass a stopped server's port to bring it back. */
  async start(port = 0): Promise<string> {
    if (this.stopped) {
      this.server = this.create();
      this.stopped = false;
    }
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter(
      (m) => m.to.includes(address.toLowerCase()) || m.to.includes(address),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
