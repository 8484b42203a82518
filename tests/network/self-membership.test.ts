import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { auditRows, outboxRows } from './network-helpers';

/**
 * Issue 12, hole 1.1: nobody changes their own memberships, so an administrator cannot
 * make themself a lead (and reach the team's drafts, AMBER and RED reports through the
 * leads clause), and a lead cannot demote or remove themself either. 403, audited.
 */
jest.setTimeout(30000);

describe('own memberships', () => {
  let api: TestApi;
  let factory: Factory;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
  });
  afterAll(() => api.close());

  const roleIn = async (teamId: string, userId: string): Promise<string | null> => {
    const rows: Array<{ role: string }> = await api.db.query(
      'SELECT role FROM team_memberships WHERE team_id = $1 AND user_id = $2',
      [teamId, userId],
    );
    return rows[0]?.role ?? null;
  };
  const eventsOf = async (userId: string) =>
    (await outboxRows(api, 'membership.changed')).filter((e) => e.payload.userId === userId);
  const successes = async (action: string, userId: string) =>
    (await auditRows(api, action, userId)).filter((r) => r.outcome === 'success');

  it('an administrator who sets themself lead of a team gets 403; no row, an audit row denied', async () => {
    const admin = await factory.user({ globalRole: 'admin', displayName: 'Rogue admin' });
    const res = await api.put(
      `/teams/${cast.teamA.id}/members/${admin.id}`,
      { role: 'lead' },
      { token: admin.token },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: expect.stringContaining('forbidden'), status: 403 });
    expect(await roleIn(cast.teamA.id, admin.id)).toBeNull();
    expect(await auditRows(api, 'membership.set.denied', admin.id)).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        target_type: 'user',
        target_id: admin.id,
        outcome: 'denied',
        details: expect.objectContaining({ teamId: cast.teamA.id, role: 'lead' }),
      }),
    ]);
    expect(await successes('membership.set', admin.id)).toEqual([]);
    expect(await eventsOf(admin.id)).toEqual([]);
    // Still no content access by role: the team's member list stays closed to a non-member.
    const me = await api.get('/me', { token: admin.token });
    expect(me.body.memberships).toEqual([]);
  });

  it('an administrator cannot add themself with any role, nor change or drop a membership they hold', async () => {
    const admin = await factory.user({
      globalRole: 'admin',
      teams: [[cast.teamB.id, 'observer']],
    });
    for (const role of ['officer', 'observer']) {
      const res = await api.put(
        `/teams/${cast.teamA.id}/members/${admin.id}`,
        { role },
        { token: admin.token },
      );
      expect(res.status).toBe(403);
    }
    const promote = await api.put(
      `/teams/${cast.teamB.id}/members/${admin.id}`,
      { role: 'lead' },
      { token: admin.token },
    );
    expect(promote.status).toBe(403);
    const leave = await api.delete(`/teams/${cast.teamB.id}/members/${admin.id}`, {
      token: admin.token,
    });
    expect(leave.status).toBe(403);
    expect(await roleIn(cast.teamA.id, admin.id)).toBeNull();
    expect(await roleIn(cast.teamB.id, admin.id)).toBe('observer');
    expect(await auditRows(api, 'membership.set.denied', admin.id)).toHaveLength(3);
    expect(await auditRows(api, 'membership.remove.denied', admin.id)).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        outcome: 'denied',
        details: expect.objectContaining({ teamId: cast.teamB.id }),
      }),
    ]);
    expect(await eventsOf(admin.id)).toEqual([]);
  });

  it('a lead cannot demote or remove themself: 403, audited, still lead', async () => {
    const lead: TestUser = await factory.user({ teams: [[cast.teamA.id, 'lead']] });
    const demote = await api.put(
      `/teams/${cast.teamA.id}/members/${lead.id}`,
      { role: 'officer' },
      { token: lead.token },
    );
    expect(demote.status).toBe(403);
    const leave = await api.delete(`/teams/${cast.teamA.id}/members/${lead.id}`, {
      token: lead.token,
    });
    expect(leave.status).toBe(403);
    expect(await roleIn(cast.teamA.id, lead.id)).toBe('lead');
    expect(await auditRows(api, 'membership.set.denied', lead.id)).toEqual([
      expect.objectContaining({ actor_id: lead.id, outcome: 'denied' }),
    ]);
    expect(await auditRows(api, 'membership.remove.denied', lead.id)).toEqual([
      expect.objectContaining({ actor_id: lead.id, outcome: 'denied' }),
    ]);
    expect(await eventsOf(lead.id)).toEqual([]);
  });

  it('the refusal names the rule, and another administrator may still make them lead', async () => {
    const admin = await factory.user({ globalRole: 'admin' });
    const own = await api.put(
      `/teams/${cast.teamA.id}/members/${admin.id}`,
      { role: 'officer' },
      { token: admin.token },
    );
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/own membership/i);
    const byOther = await api.put(
      `/teams/${cast.teamA.id}/members/${admin.id}`,
      { role: 'lead' },
      { token: cast.admin.token },
    );
    expect(byOther.status).toBe(200);
    expect(await roleIn(cast.teamA.id, admin.id)).toBe('lead');
  });
});
