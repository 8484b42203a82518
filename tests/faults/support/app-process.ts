import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
export const MIGRATE_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/migrate.js');

/** The fault tests run the built apps (scripts/test.sh builds them when stale). */
export function assertBuilt(): void {
  for (const main of [API_MAIN, WORKER_MAIN, MIGRATE_MAIN])
    if (!existsSync(main))
      throw new Error(`${main} is missing: run "npm run build" (npm run test:faults builds it)`);
}

/** Only what the apps need from the environment, so the test run's own settings stay out. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ'];
  return Object.fromEntries(
    keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k] as string]),
  );
}

/** Runs a node script to its end (the migrations); rejects with its output when it fails. */
export async function runToEnd(script: string, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${script} exited with ${code}:\n${output}`);
}

/**
 * One built app (API or worker) as a real child process, so that SIGTERM and SIGKILL are
 * what an orchestrator sends. Its output goes to a log file (read on failure).
 */
export class AppProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  /** How the last run ended: the signal or exit code, once it has. */
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  private exited?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: Record<string, string>,
    private readonly readyUrl: string,
    private readonly logPath: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.exit === undefined;
  }

  /** Starts the process and resolves once `readyUrl` answers 200. */
  async start(timeoutMs = 90_000): Promise<void> {
    this.exit = undefined;
    this.log = createWriteStream(this.logPath, { flags: 'a' });
    this.log.write(`--- ${new Date().toISOString()} start ${this.name}\n`);
    const child = spawn(process.execPath, [this.script], {
      cwd: ROOT,
      env: { ...baseEnv(), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.pipe(this.log, { end: false });
    child.stderr.pipe(this.log, { end: false });
    this.exited = once(child, 'exit').then(([code, signal]) => {
      this.exit = { code: code as number | null, signal: signal as NodeJS.Signals | null };
      this.log?.write(`--- ${new Date().toISOString()} exit ${JSON.stringify(this.exit)}\n`);
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exit)
        throw new Error(
          `${this.name} exited at start (${JSON.stringify(this.exit)}):\n${await this.logTail()}`,
        );
      try {
        const res = await fetch(this.readyUrl, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${this.name} was not ready in time:\n${await this.logTail()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Sends a signal (SIGTERM: the graceful stop; SIGKILL: a crash). */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** Waits for the process to end; rejects (after killing it) beyond `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<{ code: number | null; signal: string | null }> {
    const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), timeoutMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'late') {
      this.child?.kill('SIGKILL');
      await this.exited;
      throw new Error(`${this.name} did not stop within ${timeoutMs} ms:\n${await this.logTail()}`);
    }
    return this.exit!;
  }

  /** Ends it for good (cleanup): SIGKILL, no waiting for work. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  async logTail(chars = 6000): Promise<string> {
    return (await readFile(this.logPath, 'utf8').catch(() => '')).slice(-chars);
  }
}
