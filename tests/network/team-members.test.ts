import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { ALL_ROLES, auditRows, outboxRows, RoleName, tokenOf, userOf } from './network-helpers';

const UNKNOWN = '0190b6f0-0000-7000-8000-000000000000';

/** GET/PUT/DELETE /teams/:id/members: administrators, and leads for their officers and observers. */
jest.setTimeout(30000);

describe('team members', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
  });
  afterAll(() => api.close());

  const outsider = () => factory.user({ signIn: false, displayName: 'Newcomer' });
  const roleIn = async (teamId: string, userId: string): Promise<string | null> => {
    const rows: Array<{ role: string }> = await api.db.query(
      'SELECT role FROM team_memberships WHERE team_id = $1 AND user_id = $2',
      [teamId, userId],
    );
    return rows[0]?.role ?? null;
  };
  const changedEvents = async (userId: string) =>
    (await outboxRows(api, 'membership.changed')).filter((e) => e.payload.userId === userId);
  const managesTeamA = (role: RoleName) =>
    role === 'anonymous' || role === 'suspended'
      ? 401
      : role === 'admin' || role === 'lead'
        ? 'ok'
        : 403;

  describe('GET /teams/:id/members', () => {
    const expected: Record<RoleName, number> = {
      anonymous: 401,
      observer: 200,
      officer: 200,
      lead: 200,
      otherLead: 403,
      admin: 200,
      auditor: 403,
      suspended: 401,
    };
    it.each(ALL_ROLES)('as %s', async (role) => {
      const res = await api.get(`/teams/${cast.teamA.id}/members`, { token: tokenOf(cast, role) });
      expect(res.status).toBe(expected[role]);
      if (res.status === 200) {
        expect(res.body.nextCursor).toBeNull();
        expect(res.body.items[0]).toEqual({
          userId: cast.lead.id,
          displayName: 'Lead A',
          memberCode: 'THA',
          role: 'lead',
        });
        expect(res.body.items.map((m: { userId: string }) => m.userId)).toEqual(
          expect.arrayContaining([cast.officer.id, cast.observer.id, cast.suspended.id]),
        );
        expect(res.body.items.map((m: { userId: string }) => m.userId)).not.toContain(
          cast.otherLead.id,
        );
      }
      if (res.status === 403) {
        const rows = await auditRows(api, 'membership.list.denied', cast.teamA.id);
        expect(
          rows.some(
            (r) => r.actor_id === userOf(cast, role as 'auditor').id && r.outcome === 'denied',
          ),
        ).toBe(true);
      }
    });

    it('404 for an unknown team and, with the same problem, for a malformed id', async () => {
      const unknown = await api.get(`/teams/${UNKNOWN}/members`, { token: cast.admin.token });
      expect(unknown.status).toBe(404);
      const malformed = await api.get('/teams/abc/members', { token: cast.admin.token });
      expect(malformed.status).toBe(404);
      expect({ ...malformed.body, instance: null }).toEqual({ ...unknown.body, instance: null });
      expect(malformed.body).toMatchObject({
        type: '/problems/not-found',
        detail: 'Team not found',
      });
    });
  });

  describe('PUT /teams/:id/members/:userId', () => {
    it.each(ALL_ROLES)('adding an observer to team A as %s', async (role) => {
      const target = await outsider();
      const res = await api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'observer' },
        { token: tokenOf(cast, role) },
      );
      const expected = managesTeamA(role);
      expect(res.status).toBe(expected === 'ok' ? 200 : expected);
      expect(await roleIn(cast.teamA.id, target.id)).toBe(expected === 'ok' ? 'observer' : null);
      if (expected === 'ok') {
        expect(res.body).toEqual({
          userId: target.id,
          displayName: 'Newcomer',
          memberCode: 'THA',
          role: 'observer',
        });
        const actor = userOf(cast, role as 'admin');
        expect(await auditRows(api, 'membership.set', target.id)).toEqual([
          expect.objectContaining({
            actor_id: actor.id,
            outcome: 'success',
            details: { teamId: cast.teamA.id, role: 'observer', previousRole: null },
          }),
        ]);
        expect((await changedEvents(target.id)).map((e) => e.payload)).toEqual([
          { userId: target.id, teamId: cast.teamA.id, role: 'observer', actorId: actor.id },
        ]);
      } else {
        expect(await changedEvents(target.id)).toEqual([]);
        if (expected === 403)
          expect(await auditRows(api, 'membership.set.denied', target.id)).toEqual([
            expect.objectContaining({
              actor_id: userOf(cast, role as 'observer').id,
              outcome: 'denied',
            }),
          ]);
      }
    });

    it('a lead moves an officer to observer; the member sees the new role at once', async () => {
      const target = await factory.user({ teams: [[cast.teamA.id, 'officer']] });
      const res = await api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'observer' },
        { token: cast.lead.token },
      );
      expect(res.status).toBe(200);
      expect(await auditRows(api, 'membership.set', target.id)).toEqual([
        expect.objectContaining({
          details: { teamId: cast.teamA.id, role: 'observer', previousRole: 'officer' },
        }),
      ]);
      const me = await api.get('/me', { token: target.token });
      expect(me.body.memberships).toEqual([
        expect.objectContaining({ teamId: cast.teamA.id, role: 'observer' }),
      ]);
    });

    it('setting the role a member already has changes nothing and tells no one', async () => {
      const target = await factory.user({ signIn: false, teams: [[cast.teamA.id, 'officer']] });
      const res = await api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'officer' },
        { token: cast.lead.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.role).toBe('officer');
      expect(await auditRows(api, 'membership.set', target.id)).toEqual([]);
      expect(await changedEvents(target.id)).toEqual([]);
    });

    it('only administrators grant lead', async () => {
      const target = await factory.user({ signIn: false, teams: [[cast.teamA.id, 'officer']] });
      const byLead = await api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'lead' },
        { token: cast.lead.token },
      );
      expect(byLead.status).toBe(403);
      expect(await roleIn(cast.teamA.id, target.id)).toBe('officer');
      expect(await auditRows(api, 'membership.set.denied', target.id)).toEqual([
        expect.objectContaining({
          actor_id: cast.lead.id,
          details: expect.objectContaining({ teamId: cast.teamA.id, role: 'lead' }),
        }),
      ]);
      const byAdmin = await api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'lead' },
        { token: cast.admin.token },
      );
      expect(byAdmin.status).toBe(200);
      expect(await roleIn(cast.teamA.id, target.id)).toBe('lead');
      expect((await changedEvents(target.id)).map((e) => e.payload.role)).toEqual(['lead']);
    });

    it('a lead cannot demote or remove another lead of the team, nor themself', async () => {
      const coLead = await factory.user({ signIn: false, teams: [[cast.teamA.id, 'lead']] });
      for (const target of [coLead, cast.lead] as TestUser[]) {
        const put = await api.put(
          `/teams/${cast.teamA.id}/members/${target.id}`,
          { role: 'observer' },
          { token: cast.lead.token },
        );
        expect(put.status).toBe(403);
        const del = await api.delete(`/teams/${cast.teamA.id}/members/${target.id}`, {
          token: cast.lead.token,
        });
        expect(del.status).toBe(403);
        expect(await roleIn(cast.teamA.id, target.id)).toBe('lead');
        expect(await auditRows(api, 'membership.remove.denied', target.id)).not.toEqual([]);
      }
      // An administrator can.
      expect(
        (
          await api.put(
            `/teams/${cast.teamA.id}/members/${coLead.id}`,
            { role: 'officer' },
            { token: cast.admin.token },
          )
        ).status,
      ).toBe(200);
      expect(await roleIn(cast.teamA.id, coLead.id)).toBe('officer');
    });

    it('a lead of team B may not manage team A, though the user is in team B too', async () => {
      const target = await factory.user({
        signIn: false,
        teams: [
          [cast.teamA.id, 'officer'],
          [cast.teamB.id, 'officer'],
        ],
      });
      const res = await api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'observer' },
        { token: cast.otherLead.token },
      );
      expect(res.status).toBe(403);
      expect(
        (
          await api.delete(`/teams/${cast.teamA.id}/members/${target.id}`, {
            token: cast.otherLead.token,
          })
        ).status,
      ).toBe(403);
      expect(await roleIn(cast.teamA.id, target.id)).toBe('officer');
      // In their own team they may.
      expect(
        (
          await api.put(
            `/teams/${cast.teamB.id}/members/${target.id}`,
            { role: 'observer' },
            { token: cast.otherLead.token },
          )
        ).status,
      ).toBe(200);
    });

    it('404 for an unknown team or user, and for malformed ids; 400 for bad bodies', async () => {
      const token = cast.admin.token;
      expect(
        (
          await api.put(
            `/teams/${UNKNOWN}/members/${cast.officer.id}`,
            { role: 'officer' },
            { token },
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await api.put(
            `/teams/${cast.teamA.id}/members/${UNKNOWN}`,
            { role: 'officer' },
            { token },
          )
        ).status,
      ).toBe(404);
      const badId = await api.put(
        `/teams/${cast.teamA.id}/members/not-a-user`,
        { role: 'officer' },
        { token },
      );
      expect(badId.status).toBe(404);
      expect(badId.body).toMatchObject({ type: '/problems/not-found', detail: 'User not found' });
      const badTeam = await api.put(
        `/teams/not-a-team/members/${cast.officer.id}`,
        { role: 'officer' },
        { token },
      );
      expect(badTeam.status).toBe(404);
      expect(badTeam.body).toMatchObject({ type: '/problems/not-found', detail: 'Team not found' });
      for (const body of [
        { role: 'boss' },
        {},
        { role: 'officer', teamId: cast.teamB.id },
        { role: ['officer'] },
        { role: null },
      ]) {
        const res = await api.put(`/teams/${cast.teamA.id}/members/${cast.officer.id}`, body, {
          token,
        });
        expect(res.status).toBe(400);
      }
      expect(await roleIn(cast.teamA.id, cast.officer.id)).toBe('officer');
    });
  });

  describe('DELETE /teams/:id/members/:userId', () => {
    it.each(ALL_ROLES)('removing an officer of team A as %s', async (role) => {
      const target = await factory.user({ signIn: false, teams: [[cast.teamA.id, 'officer']] });
      const res = await api.delete(`/teams/${cast.teamA.id}/members/${target.id}`, {
        token: tokenOf(cast, role),
      });
      const expected = managesTeamA(role);
      expect(res.status).toBe(expected === 'ok' ? 204 : expected);
      expect(await roleIn(cast.teamA.id, target.id)).toBe(expected === 'ok' ? null : 'officer');
      if (expected === 'ok') {
        expect(res.text).toBe('');
        const actor = userOf(cast, role as 'admin');
        expect(await auditRows(api, 'membership.remove', target.id)).toEqual([
          expect.objectContaining({
            actor_id: actor.id,
            details: { teamId: cast.teamA.id, role: null, previousRole: 'officer' },
          }),
        ]);
        expect((await changedEvents(target.id)).map((e) => e.payload)).toEqual([
          { userId: target.id, teamId: cast.teamA.id, role: null, actorId: actor.id },
        ]);
      } else if (expected === 403) {
        expect(await auditRows(api, 'membership.remove.denied', target.id)).toEqual([
          expect.objectContaining({
            actor_id: userOf(cast, role as 'observer').id,
            outcome: 'denied',
          }),
        ]);
      }
    });

    it('an administrator removes a lead; a removed member loses the team at once', async () => {
      const target = await factory.user({ teams: [[cast.teamA.id, 'lead']] });
      expect(
        (await api.get(`/teams/${cast.teamA.id}/members`, { token: target.token })).status,
      ).toBe(200);
      expect(
        (
          await api.delete(`/teams/${cast.teamA.id}/members/${target.id}`, {
            token: cast.admin.token,
          })
        ).status,
      ).toBe(204);
      expect(
        (await api.get(`/teams/${cast.teamA.id}/members`, { token: target.token })).status,
      ).toBe(403);
    });

    it('404 when the user is not a member, and for a malformed id', async () => {
      expect(
        (
          await api.delete(`/teams/${cast.teamA.id}/members/${cast.otherOfficer.id}`, {
            token: cast.admin.token,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await api.delete(`/teams/${cast.teamA.id}/members/${cast.otherOfficer.id}`, {
            token: cast.lead.token,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await api.delete(`/teams/${UNKNOWN}/members/${cast.officer.id}`, {
            token: cast.admin.token,
          })
        ).status,
      ).toBe(404);
      const malformed = await api.delete(`/teams/${cast.teamA.id}/members/x`, {
        token: cast.admin.token,
      });
      expect(malformed.status).toBe(404);
      expect(malformed.body).toMatchObject({
        type: '/problems/not-found',
        detail: 'Membership not found',
      });
    });
  });

  it('concurrent changes to one membership by a lead and an administrator never overwrite a lead', async () => {
    const target = await factory.user({ signIn: false });
    const results = await Promise.all([
      api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'lead' },
        { token: cast.admin.token },
      ),
      api.put(
        `/teams/${cast.teamA.id}/members/${target.id}`,
        { role: 'officer' },
        { token: cast.lead.token },
      ),
    ]);
    expect(results[0].status).toBe(200);
    expect([200, 403]).toContain(results[1].status);
    // Whatever the order, a lead's officer write never lands on top of the admin's lead grant.
    const final = await roleIn(cast.teamA.id, target.id);
    const events = (await changedEvents(target.id)).map((e) => e.payload.role);
    expect(events[events.length - 1]).toBe(final);
    if (results[1].status === 403) expect(final).toBe('lead');
  });
});
