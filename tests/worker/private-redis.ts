import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A free TCP port on loopback (closed again before it is returned). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      server.close(() => resolve(address.port));
    });
  });
}

export interface PrivateRedisAuth {
  /** `--requirepass`: the password of the `default` user. */
  password?: string;
  /** ACL users with every right, each with its password. */
  users?: Array<{ name: string; password: string }>;
}

/** A redis-server of the test's own, on a fixed port, that the test can stop and start. */
export class PrivateRedis {
  private child?: ChildProcess;

  constructor(
    readonly port: number,
    readonly auth: PrivateRedisAuth = {},
  ) {}

  static async create(auth: PrivateRedisAuth = {}): Promise<PrivateRedis> {
    return new PrivateRedis(await freePort(), auth);
  }

  /** The URL with the `default` user's password, when it has one. */
  get url(): string {
    return this.auth.password === undefined
      ? `redis://127.0.0.1:${this.port}`
      : this.urlAs('', this.auth.password);
  }

  /** The URL with these credentials, percent-encoded as a URL must carry them. */
  urlAs(user: string, password: string): string {
    return `redis://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    if (this.auth.password !== undefined) args.push('--requirepass', this.auth.password);
    for (const user of this.auth.users ?? []) {
      args.push('--user', user.name, 'on', `>${user.password}`, '~*', '&*', '+@all');
    }
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch {
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`redis-server did not start on port ${this.port}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        probe.disconnect();
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
