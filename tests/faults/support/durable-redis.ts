import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../worker/private-redis';

/**
 * A redis-server of the test's own, configured as production runs it (README, "Redis
 * persistence"; docker/compose.yml): append-only file, `noeviction`, a password. `crash()`
 * kills it with SIGKILL; `start()` brings it back on the same port from its own files, as
 * a restarted production Redis would come back. Every write is fsynced (`appendfsync
 * always`), so what Redis acknowledged before the crash is there after it.
 */
export class DurableRedis {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    readonly dir: string,
    readonly password: string,
  ) {}

  static async create(): Promise<DurableRedis> {
    const dir = await mkdtemp(join(tmpdir(), 'rilon-faults-redis-'));
    return new DurableRedis(await freePort(), dir, 'fault-test-redis-password');
  }

  get url(): string {
    return `redis://:${this.password}@127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--maxmemory-policy',
        'noeviction',
        '--requirepass',
        this.password,
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        // Loading the append-only file answers LOADING until it is done.
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`redis-server did not start on port ${this.port}`);
      } finally {
        probe.disconnect();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Kills the server at once (SIGKILL): no shutdown save, connections cut. */
  async crash(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async destroy(): Promise<void> {
    await this.crash();
    await rm(this.dir, { recursive: true, force: true });
  }
}
