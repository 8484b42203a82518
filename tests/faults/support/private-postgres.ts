import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../worker/private-redis';

const run = promisify(execFile);

/** Where initdb and pg_ctl live, searched as scripts/services.sh find_pg_bin does. */
export function findPgBin(): string {
  const candidates: string[] = [];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    // The newest installed major version first.
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  candidates.push('/usr/local/pgsql/bin', '/opt/homebrew/bin', '/usr/local/bin', '/usr/bin');
  const found = candidates.find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
  if (!found)
    throw new Error(
      'initdb and pg_ctl are not installed (Debian: apt-get install postgresql): the fault tests start a cluster of their own',
    );
  return found;
}

/** initdb refuses root: as root the cluster belongs to the postgres user, as services.sh does it. */
async function owner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory, on a free port: the
 * test stops and starts it to take the database away from the apps. fsync is off (the
 * cluster is thrown away); everything else is PostgreSQL as the apps meet it.
 */
export class PrivatePostgres {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
    private readonly as: { uid: number; gid: number } | undefined,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const bin = findPgBin();
    const as = await owner();
    const base = await mkdtemp(join(tmpdir(), 'rilon-faults-pg-'));
    const dir = join(base, 'data');
    await mkdir(dir, { mode: 0o700 });
    if (as) {
      await chown(base, as.uid, as.gid);
      await chown(dir, as.uid, as.gid);
    }
    const cluster = new PrivatePostgres(bin, dir, await freePort(), as);
    await cluster.pg('initdb', [
      '-D',
      dir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    return cluster;
  }

  /** The superuser's URL of a database in this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-c port=${this.port}`,
      `-c unix_socket_directories=${this.dir}`,
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c max_connections=100',
    ].join(' ');
    await this.pg('pg_ctl', [
      '-D',
      this.dir,
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** `fast`: clients are disconnected and open transactions roll back, as in a restart. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  /** The server log's end, for a failure message. */
  async logTail(chars = 4000): Promise<string> {
    return (await readFile(join(this.dir, 'server.log'), 'utf8').catch(() => '')).slice(-chars);
  }

  async destroy(): Promise<void> {
    if (existsSync(join(this.dir, 'postmaster.pid'))) await this.stop('immediate').catch(() => {});
    await rm(join(this.dir, '..'), { recursive: true, force: true });
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    try {
      await run(join(this.bin, tool), args, {
        cwd: '/',
        uid: this.as?.uid,
        gid: this.as?.gid,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      });
    } catch (error) {
      const e = error as Error & { stderr?: string };
      throw new Error(`${tool} ${args.at(-1)} failed: ${e.stderr || e.message}`, { cause: error });
    }
  }
}
