import type { Actor } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import { ReportsRepository } from './reports.repository';

const actor: Actor = {
  userId: '0190a000-0000-7000-8000-000000000001',
  sessionId: '0190a000-0000-7000-8000-000000000002',
  email: 'officer@rilon.test',
  displayName: 'Officer',
  memberCode: 'THA',
  globalRole: null,
  teams: [
    { teamId: '0190a000-0000-7000-8000-0000000000a1', role: 'officer' },
    { teamId: '0190a000-0000-7000-8000-0000000000b1', role: 'lead' },
  ],
};

/**
 * A manager that records every query and answers the search walk as if it had walked
 * `walked` rows and found `hits` of them matching.
 */
function recordingManager(walked: number, hits: number) {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const edge = '2020-01-01T00:00:00.000000Z 0190a000-0000-7000-8000-0000000000ff';
  const manager = {
    query: (sql: string, params: unknown[] = []) => {
      calls.push({ sql, params });
      if (!sql.startsWith('WITH walk')) return Promise.resolve([]);
      const rows = Array.from({ length: Math.max(1, hits) }, (_, n) => ({
        id: hits ? `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}` : null,
        walked,
        edge: walked ? edge : null,
        walkKey: null,
      }));
      return Promise.resolve(rows);
    },
  } as unknown as EntityManager;
  return { manager, calls };
}

describe('ReportsRepository.list: search walks, then asks the search index', () => {
  const list = (manager: EntityManager, limit = 50) =>
    new ReportsRepository().list(manager, actor, {
      status: 'published',
      q: 'zephyrine',
      limit,
    });
  const viewerParams = [
    actor.userId,
    ['0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-0000000000b1'],
    ['0190a000-0000-7000-8000-0000000000b1'],
  ];

  it('walks only rows the caller may read, in the state asked for', async () => {
    const { manager, calls } = recordingManager(10, 3);
    await list(manager);
    expect(calls).toHaveLength(1);
    const walk = calls[0].sql.slice(0, calls[0].sql.indexOf('ORDER BY'));
    // The visibility rule, with the caller as its viewer, inside the bounded walk.
    expect(walk).toContain('author_id =');
    expect(walk).toContain('recipient_user_ids');
    expect(walk).toContain('distribution_team_ids &&');
    expect(calls[0].params).toEqual(
      expect.arrayContaining([...viewerParams, 'zephyrine', 'published']),
    );
    expect(calls[0].sql).toMatch(/LIMIT 2040\)/);
  });

  it('stops at the walk when the walk filled the page', async () => {
    const { manager, calls } = recordingManager(2040, 51);
    const rows = await list(manager);
    expect(calls).toHaveLength(1);
    expect(rows).toHaveLength(51);
  });

  it('stops at the walk when it saw every readable row', async () => {
    const { manager, calls } = recordingManager(700, 2);
    expect(await list(manager)).toHaveLength(2);
    expect(calls).toHaveLength(1);
  });

  it('collects the older readable hits from the search index when the walk was short of them', async () => {
    const { manager, calls } = recordingManager(2040, 2);
    await list(manager);
    expect(calls).toHaveLength(2);
    const hits = calls[1];
    expect(hits.sql).toMatch(/^WITH hits AS MATERIALIZED/);
    const cte = hits.sql.slice(0, hits.sql.indexOf('top AS'));
    expect(cte).toContain('search @@');
    expect(cte).toContain('author_id =');
    expect(cte).toContain('status =');
    // Older than the last walked row, and only the rest of the page.
    expect(hits.params).toEqual(
      expect.arrayContaining([
        ...viewerParams,
        '2020-01-01T00:00:00.000000Z',
        '0190a000-0000-7000-8000-0000000000ff',
        49,
      ]),
    );
  });

  it('walks more rows for a longer page', async () => {
    const { manager, calls } = recordingManager(10, 1);
    await list(manager, 200);
    expect(calls[0].sql).toMatch(/LIMIT 8040\)/);
  });

  it('neither walks nor asks the search index without a search term', async () => {
    const { manager, calls } = recordingManager(0, 0);
    await new ReportsRepository().list(manager, actor, { status: 'published', limit: 50 });
    expect(calls).toHaveLength(1);
    expect(calls[0].sql).not.toContain('search @@');
  });
});
