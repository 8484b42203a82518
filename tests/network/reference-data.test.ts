import { Cast, createCast, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { ALL_ROLES, auditCount, auditRows, RoleName, tokenOf, userOf } from './network-helpers';

/** Members, capitals and teams: read by every signed-in user, changed by administrators. */
jest.setTimeout(30000);

describe('network reference data', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
  });
  afterAll(() => api.close());

  const reader = (role: RoleName) => (role === 'anonymous' || role === 'suspended' ? 401 : 200);
  const adminOnly = (role: RoleName, ok: number) =>
    role === 'anonymous' || role === 'suspended' ? 401 : role === 'admin' ? ok : 403;

  it('documents every route and DTO in the OpenAPI document', async () => {
    const doc = await api.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    for (const path of [
      '/api/v1/members',
      '/api/v1/capitals/{id}',
      '/api/v1/teams/{id}',
      '/api/v1/teams/{teamId}/members/{userId}',
      '/api/v1/users/{id}',
      '/api/v1/invitations/accept',
    ])
      expect(doc.body.paths).toHaveProperty([path]);
    expect(doc.body.components.schemas.CreateCapitalDto.required).toEqual([
      'name',
      'countryCode',
      'timezone',
    ]);
    expect(doc.body.components.schemas.UserDto.properties).not.toHaveProperty('passwordHash');
  });

  describe('GET lists and single reads', () => {
    it.each(ALL_ROLES)('as %s', async (role) => {
      const token = tokenOf(cast, role);
      const members = await api.get('/members', { token });
      const capitals = await api.get('/capitals', { token });
      const teams = await api.get('/teams', { token });
      const capital = await api.get(`/capitals/${cast.teamB.capitalId}`, { token });
      const team = await api.get(`/teams/${cast.teamA.id}`, { token });
      for (const res of [members, capitals, teams, capital, team])
        expect(res.status).toBe(reader(role));
      if (reader(role) !== 200) {
        expect(members.headers.get('content-type')).toContain('application/problem+json');
        return;
      }
      expect(members.body.nextCursor).toBeNull();
      expect(members.body.items).toContainEqual({
        code: 'UNHCR',
        name: expect.any(String),
        kind: 'organisation',
      });
      expect(members.body.items).toContainEqual({ code: 'THA', name: 'Thailand', kind: 'state' });
      expect(members.body.items).toHaveLength(14);
      expect(capitals.body.nextCursor).toBeNull();
      expect(capitals.body.items).toContainEqual({
        id: cast.teamB.capitalId,
        name: 'Colombo',
        countryCode: 'LKA',
        timezone: 'Asia/Colombo',
      });
      expect(capital.body).toEqual({
        id: cast.teamB.capitalId,
        name: 'Colombo',
        countryCode: 'LKA',
        timezone: 'Asia/Colombo',
      });
      expect(teams.body.nextCursor).toBeNull();
      expect(teams.body.items.map((t: { name: string }) => t.name)).toEqual(
        expect.arrayContaining(['Team Bangkok', 'Team Colombo']),
      );
      expect(team.body).toEqual({
        id: cast.teamA.id,
        name: 'Team Bangkok',
        capitalId: cast.teamA.capitalId,
        description: '',
        active: true,
      });
    });

    it('answers 404 for unknown ids and 400 for malformed ones', async () => {
      const token = cast.officer.token;
      expect(
        (await api.get('/capitals/0190b6f0-0000-7000-8000-000000000000', { token })).status,
      ).toBe(404);
      expect((await api.get('/teams/0190b6f0-0000-7000-8000-000000000000', { token })).status).toBe(
        404,
      );
      // A malformed id is answered as an unknown one: the same 404, the same problem.
      const bad = await api.get('/capitals/not-a-uuid', { token });
      expect(bad.status).toBe(404);
      expect(bad.body).toMatchObject({ type: '/problems/not-found', detail: 'Capital not found' });
      const injected = await api.get("/teams/1' OR 1=1", { token });
      expect(injected.status).toBe(404);
      expect(injected.body).toMatchObject({
        type: '/problems/not-found',
        detail: 'Team not found',
      });
    });
  });

  describe('POST /members', () => {
    it.each(ALL_ROLES)('as %s', async (role) => {
      const code = `M${role.toUpperCase().slice(0, 6)}${ALL_ROLES.indexOf(role)}`;
      const res = await api.post(
        '/members',
        { code, name: `Member ${role}`, kind: 'organisation' },
        { token: tokenOf(cast, role) },
      );
      expect(res.status).toBe(adminOnly(role, 201));
      if (res.status === 201) {
        expect(res.body).toEqual({ code, name: `Member ${role}`, kind: 'organisation' });
        const [row] = await auditRows(api, 'member.create', code);
        expect(row).toMatchObject({ actor_id: cast.admin.id, outcome: 'success' });
      }
      if (res.status === 403) {
        const rows = await auditRows(api, 'member.create.denied', code);
        expect(rows).toEqual([
          expect.objectContaining({
            actor_id: userOf(cast, role as 'observer').id,
            outcome: 'denied',
          }),
        ]);
      }
      const list = await api.get('/members', { token: cast.admin.token });
      expect(list.body.items.some((m: { code: string }) => m.code === code)).toBe(
        res.status === 201,
      );
    });

    it('409 for an existing code, and the stored member is unchanged', async () => {
      const res = await api.post(
        '/members',
        { code: 'THA', name: 'Other', kind: 'state' },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/conflict');
      const list = await api.get('/members', { token: cast.admin.token });
      expect(list.body.items).toContainEqual({ code: 'THA', name: 'Thailand', kind: 'state' });
    });

    it.each([
      [{ code: 'tha2', name: 'x', kind: 'state' }, 'code'],
      [{ code: 'A', name: 'x', kind: 'state' }, 'code'],
      [{ code: 'ABCDEFGHIJKLMNOPQ', name: 'x', kind: 'state' }, 'code'],
      [{ code: 'KHM', name: 'x'.repeat(121), kind: 'state' }, 'name'],
      [{ code: 'KHM', name: '   ', kind: 'state' }, 'name'],
      [{ code: 'KHM', name: 'Cambodia', kind: 'country' }, 'kind'],
      [{ code: 'KHM', name: 42, kind: 'state' }, 'name'],
      [{ code: 'KHM', name: 'Cambodia', kind: 'state', extra: true }, 'extra'],
      [{ name: 'Cambodia', kind: 'state' }, 'code'],
    ])('400 for %j', async (body, field) => {
      const res = await api.post('/members', body, { token: cast.admin.token });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('400 for malformed JSON, never 500', async () => {
      const res = await api.call('POST', '/members', { token: cast.admin.token, raw: '{"code":' });
      expect(res.status).toBe(400);
    });
  });

  describe('POST /capitals', () => {
    it.each(ALL_ROLES)('as %s', async (role) => {
      const name = `Capital of ${role}`;
      const before =
        role === 'anonymous' || role === 'suspended'
          ? 0
          : await auditCount(api, 'capital.create.denied', userOf(cast, role).id);
      const res = await api.post(
        '/capitals',
        { name, countryCode: 'MYS', timezone: 'Asia/Kuala_Lumpur' },
        { token: tokenOf(cast, role) },
      );
      expect(res.status).toBe(adminOnly(role, 201));
      if (res.status === 201) {
        expect(res.body).toEqual({
          id: expect.any(String),
          name,
          countryCode: 'MYS',
          timezone: 'Asia/Kuala_Lumpur',
        });
        const fetched = await api.get(`/capitals/${res.body.id}`, { token: cast.observer.token });
        expect(fetched.body).toEqual(res.body);
        expect(await auditRows(api, 'capital.create', res.body.id)).toHaveLength(1);
      }
      if (res.status === 403)
        expect(
          await auditCount(api, 'capital.create.denied', userOf(cast, role as 'observer').id),
        ).toBe(before + 1);
    });

    it('accepts IANA zones that ICU knows by another canonical name', async () => {
      const res = await api.post(
        '/capitals',
        { name: 'Yangon', countryCode: 'MMR', timezone: 'Asia/Yangon' },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(201);
      expect(res.body.timezone).toBe('Asia/Yangon');
      const delhi = await api.post(
        '/capitals',
        { name: 'New Delhi', countryCode: 'IND', timezone: 'Asia/Kolkata' },
        { token: cast.admin.token },
      );
      expect(delhi.status).toBe(201);
    });

    it('409 for a second capital of the same name in the same country (any case)', async () => {
      const res = await api.post(
        '/capitals',
        { name: 'COLOMBO', countryCode: 'LKA', timezone: 'Asia/Colombo' },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(409);
    });

    it.each([
      [{ name: 'X', countryCode: 'XYZ', timezone: 'Asia/Bangkok' }, 'countryCode'],
      [{ name: 'X', countryCode: 'tha', timezone: 'Asia/Bangkok' }, 'countryCode'],
      [{ name: 'X', countryCode: 'TH', timezone: 'Asia/Bangkok' }, 'countryCode'],
      [{ name: 'X', countryCode: 'XXA', timezone: 'Asia/Bangkok' }, 'countryCode'],
      [{ name: 'X', countryCode: 764, timezone: 'Asia/Bangkok' }, 'countryCode'],
      [{ name: 'X', countryCode: 'THA', timezone: 'Asia/Atlantis' }, 'timezone'],
      [{ name: 'X', countryCode: 'THA', timezone: '+07:00' }, 'timezone'],
      [{ name: 'X', countryCode: 'THA', timezone: 'EST' }, 'timezone'],
      [{ name: 'X', countryCode: 'THA', timezone: 'A/'.repeat(40) }, 'timezone'],
      [{ name: 'x'.repeat(121), countryCode: 'THA', timezone: 'Asia/Bangkok' }, 'name'],
      [{ name: 'X', countryCode: 'THA', timezone: 'Asia/Bangkok', id: 'mine' }, 'id'],
    ])('400 for %j', async (body, field) => {
      const res = await api.post('/capitals', body, { token: cast.admin.token });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('POST /teams and PATCH /teams/:id', () => {
    it.each(ALL_ROLES)('POST as %s', async (role) => {
      const name = `Team of ${role}`;
      const res = await api.post(
        '/teams',
        { name, capitalId: cast.teamA.capitalId, description: 'Liaison officers' },
        { token: tokenOf(cast, role) },
      );
      expect(res.status).toBe(adminOnly(role, 201));
      if (res.status === 201) {
        expect(res.body).toEqual({
          id: expect.any(String),
          name,
          capitalId: cast.teamA.capitalId,
          description: 'Liaison officers',
          active: true,
        });
        expect(await auditRows(api, 'team.create', res.body.id)).toEqual([
          expect.objectContaining({
            actor_id: cast.admin.id,
            details: { capitalId: cast.teamA.capitalId },
          }),
        ]);
      }
      if (res.status === 403)
        expect(await auditRows(api, 'team.create.denied')).not.toHaveLength(0);
      const teams = await api.get('/teams', { token: cast.admin.token });
      expect(teams.body.items.some((t: { name: string }) => t.name === name)).toBe(
        res.status === 201,
      );
    });

    it.each(ALL_ROLES)('PATCH as %s', async (role) => {
      const team = await factory.team(`Patchable ${role}`);
      const res = await api.patch(
        `/teams/${team.id}`,
        { description: `by ${role}` },
        { token: tokenOf(cast, role) },
      );
      expect(res.status).toBe(adminOnly(role, 200));
      const stored = await api.get(`/teams/${team.id}`, { token: cast.admin.token });
      expect(stored.body.description).toBe(res.status === 200 ? `by ${role}` : '');
      if (res.status === 403)
        expect(await auditRows(api, 'team.update.denied', team.id)).toEqual([
          expect.objectContaining({ outcome: 'denied' }),
        ]);
    });

    it('an administrator renames, moves and deactivates a team; the audit names the fields', async () => {
      const team = await factory.team('Before rename');
      const capital = await factory.capital('Dhaka', 'BGD', 'Asia/Dhaka');
      const res = await api.patch(
        `/teams/${team.id}`,
        { name: 'After rename', capitalId: capital, active: false },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'After rename', capitalId: capital, active: false });
      const [row] = await auditRows(api, 'team.update', team.id);
      expect((row.details.changed as string[]).sort()).toEqual(['active', 'capitalId', 'name']);
      // Nothing changed: no audit row.
      expect(
        (await api.patch(`/teams/${team.id}`, { active: false }, { token: cast.admin.token }))
          .status,
      ).toBe(200);
      expect(await auditRows(api, 'team.update', team.id)).toHaveLength(1);
    });

    it('409 for a taken name, on create and on rename', async () => {
      const create = await api.post(
        '/teams',
        { name: 'Team Bangkok', capitalId: cast.teamA.capitalId },
        { token: cast.admin.token },
      );
      expect(create.status).toBe(409);
      const rename = await api.patch(
        `/teams/${cast.teamB.id}`,
        { name: 'Team Bangkok' },
        { token: cast.admin.token },
      );
      expect(rename.status).toBe(409);
    });

    it('400 naming capitalId for an unknown capital; 404 for an unknown team', async () => {
      const unknown = '0190b6f0-0000-7000-8000-000000000000';
      const create = await api.post(
        '/teams',
        { name: 'Nowhere', capitalId: unknown },
        { token: cast.admin.token },
      );
      expect(create.status).toBe(400);
      expect(create.body.errors).toEqual([{ field: 'capitalId', message: expect.any(String) }]);
      const patch = await api.patch(
        `/teams/${cast.teamB.id}`,
        { capitalId: unknown },
        { token: cast.admin.token },
      );
      expect(patch.status).toBe(400);
      expect(
        (await api.patch(`/teams/${unknown}`, { name: 'Ghost' }, { token: cast.admin.token }))
          .status,
      ).toBe(404);
      expect(
        (await api.patch('/teams/42', { name: 'Ghost' }, { token: cast.admin.token })).status,
      ).toBe(404);
    });

    it.each([
      [{ name: 'T', capitalId: 'nope' }, 'capitalId'],
      [{ name: 'T', capitalId: null }, 'capitalId'],
      [{ name: 'x'.repeat(121), capitalId: '0190b6f0-0000-7000-8000-000000000000' }, 'name'],
      [
        {
          name: 'T',
          capitalId: '0190b6f0-0000-7000-8000-000000000000',
          description: 'd'.repeat(2001),
        },
        'description',
      ],
      [{ name: 'T', capitalId: '0190b6f0-0000-7000-8000-000000000000', active: false }, 'active'],
    ])('POST 400 for %j', async (body, field) => {
      const res = await api.post('/teams', body, { token: cast.admin.token });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it.each([
      [{ name: null }, 'name'],
      [{ active: 'yes' }, 'active'],
      [{ description: 'd'.repeat(2001) }, 'description'],
      [{ id: '0190b6f0-0000-7000-8000-000000000000' }, 'id'],
    ])('PATCH 400 for %j', async (body, field) => {
      const res = await api.patch(`/teams/${cast.teamB.id}`, body, { token: cast.admin.token });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });
});
