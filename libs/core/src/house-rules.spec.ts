import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The house rules of docs/architecture.md ("Layout"), checked over the source tree so
 * that a change which breaks one fails `npm run check`, not a later review:
 * SQL lives in repositories, each table has one repository that writes it, classes and
 * DTO files are named as the house names them, and comments cite the project's own docs/,
 * not documents outside the repository.
 */
const ROOT = join(__dirname, '../../..');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist')
        found.push(...filesUnder(path, keep));
    } else if (keep(path)) found.push(path);
  }
  return found;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Server code: the two apps and the libs, without the portal (it has no SQL) and tests. */
const serverFiles = [...filesUnder('libs', isServerSource), ...filesUnder('apps', isServerSource)];
function isServerSource(path: string): boolean {
  return (
    path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.startsWith(join('apps', 'portal'))
  );
}

/** A statement run through TypeORM's manager or data source, pg's client, or queryRows. */
const RUNS_SQL = /\.query(?:<[^>]*>)?\(|\bqueryRows(?:<[^>]*>)?\(/;
/** The one helper that runs a statement a repository hands it. */
const QUERY_HELPERS = new Set([join('libs', 'core', 'src', 'database', 'raw-query.ts')]);

/** Tables a statement writes; lower-case names only, so `DO UPDATE SET` is not a table. */
const WRITES =
  /\b(?:INSERT\s+INTO|DELETE\s+FROM)\s+([a-z_]+)|\bUPDATE\s+([a-z_]+)\s+(?:[a-z]\w*\s+)?SET\b/g;

describe('house rules', () => {
  it('finds the server code it checks', () => {
    expect(serverFiles.length).toBeGreaterThan(200);
    expect(serverFiles.filter((path) => path.endsWith('.repository.ts')).length).toBeGreaterThan(
      20,
    );
  });

  it('runs SQL only in repositories', () => {
    const outside = serverFiles.filter(
      (path) =>
        !path.endsWith('.repository.ts') && !QUERY_HELPERS.has(path) && RUNS_SQL.test(read(path)),
    );
    expect(outside).toEqual([]);
  });

  it('writes each table from one repository only', () => {
    const writers = new Map<string, Set<string>>();
    for (const path of serverFiles.filter((file) => file.endsWith('.repository.ts'))) {
      for (const match of read(path).matchAll(WRITES)) {
        const table = match[1] ?? match[2];
        if (!writers.has(table)) writers.set(table, new Set());
        writers.get(table)?.add(path);
      }
    }
    // The rule must see the tables it guards, or it guards nothing.
    expect([...writers.keys()]).toEqual(
      expect.arrayContaining(['reports', 'users', 'sessions', 'notifications', 'outbox_events']),
    );
    const shared = [...writers]
      .filter(([, paths]) => paths.size > 1)
      .map(([table, paths]) => `${table}: ${[...paths].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('names a class in a *.service.ts file for a service', () => {
    const misnamed = serverFiles
      .filter((path) => path.endsWith('.service.ts'))
      .flatMap((path) =>
        [...read(path).matchAll(/^export class (\w+)/gm)]
          .map((match) => match[1])
          .filter((name) => !name.endsWith('Service'))
          .map((name) => `${path}: ${name}`),
      );
    expect(misnamed).toEqual([]);
  });

  it('keeps one DTO class a file', () => {
    const crowded = serverFiles
      .filter((path) => path.endsWith('.dto.ts'))
      .filter((path) => (read(path).match(/^export class /gm) ?? []).length > 1);
    expect(crowded).toEqual([]);
  });

  it('cites only documents that are in the repository', () => {
    const everywhere = ['apps', 'libs', 'tests', 'scripts'].flatMap((dir) =>
      filesUnder(dir, (path) => /\.(ts|tsx|mts|mjs|cjs|sh)$/.test(path)),
    );
    const citation = /(?<![\w/.-])(domain|api-contract|architecture|style|portal)\.md\b/;
    const outside = everywhere
      .flatMap((path) =>
        read(path)
          .split('\n')
          .map((line, index) => ({ line, at: `${relative('.', path)}:${index + 1}` })),
      )
      .filter(({ line }) => citation.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(outside).toEqual([]);
  });
});
