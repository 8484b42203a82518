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

/** A manager that records every query and answers the rare-term probe with `probeCount`. */
function recordingManager(probeCount: number) {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const manager = {
    query: (sql: string, params: unknown[] = []) => {
      calls.push({ sql, params });
      return Promise.resolve(sql.includes('count(*)') ? [{ n: probeCount }] : []);
    },
  } as unknown as EntityManager;
  return { manager, calls };
}

describe('ReportsRepository.list: the rare-term probe', () => {
  const list = (manager: EntityManager) =>
    new ReportsRepository().list(manager, actor, {
      status: 'published',
      q: 'zephyrine',
      limit: 50,
    });

  it('counts only what the caller may read, in the state asked for', async () => {
    const { manager, calls } = recordingManager(3);
    await list(manager);
    const probe = calls.find((c) => c.sql.includes('count(*)'));
    expect(probe).toBeDefined();
    // The visibility rule, with the caller as its viewer.
    expect(probe!.sql).toContain('author_id =');
    expect(probe!.sql).toContain('recipient_user_ids');
    expect(probe!.sql).toContain('distribution_team_ids &&');
    expect(probe!.params).toEqual(
      expect.arrayContaining([
        'zephyrine',
        'published',
        actor.userId,
        ['0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-0000000000b1'],
        ['0190a000-0000-7000-8000-0000000000b1'],
      ]),
    );
  });

  it('collects the readable hits first when they are few', async () => {
    const { manager, calls } = recordingManager(3);
    await list(manager);
    const page = calls[calls.length - 1];
    expect(page.sql).toMatch(/^WITH hits AS MATERIALIZED/);
    const cte = page.sql.slice(0, page.sql.indexOf(') SELECT'));
    expect(cte).toContain('author_id =');
    expect(cte).toContain('status =');
  });

  it('walks the date order when the readable hits are many', async () => {
    const { manager, calls } = recordingManager(2000);
    await list(manager);
    expect(calls[calls.length - 1].sql).not.toContain('WITH hits');
  });

  it('does not probe without a search term', async () => {
    const { manager, calls } = recordingManager(0);
    await new ReportsRepository().list(manager, actor, { status: 'published', limit: 50 });
    expect(calls).toHaveLength(1);
  });
});
