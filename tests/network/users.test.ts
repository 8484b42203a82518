import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import {
  ALL_ROLES,
  auditRows,
  outboxRows,
  RoleName,
  tokenFromLink,
  tokenOf,
  userOf,
} from './network-helpers';

const PASSWORD = 'a sufficiently long passphrase';
const UNKNOWN = '0190b6f0-0000-7000-8000-000000000000';

/** POST/GET/PATCH /users: administrators manage accounts; a user reads their own. */
jest.setTimeout(30000);

describe('user accounts', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;
  let counter = 0;
  const email = (tag: string) => `${tag}-${++counter}@members.rilon.test`;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
  });
  afterAll(() => api.close());

  const adminOnly = (role: RoleName, ok: number) =>
    role === 'anonymous' || role === 'suspended' ? 401 : role === 'admin' ? ok : 403;

  describe('POST /users', () => {
    it.each(ALL_ROLES)('as %s', async (role) => {
      const address = email(role);
      const res = await api.post(
        '/users',
        { email: address, displayName: `Made by ${role}`, memberCode: 'IDN', password: PASSWORD },
        { token: tokenOf(cast, role) },
      );
      expect(res.status).toBe(adminOnly(role, 201));
      const stored: unknown[] = await api.db.query('SELECT 1 FROM users WHERE email = $1', [
        address,
      ]);
      expect(stored).toHaveLength(res.status === 201 ? 1 : 0);
      if (res.status === 201) {
        expect(res.body).toEqual({
          id: expect.any(String),
          email: address,
          displayName: `Made by ${role}`,
          memberCode: 'IDN',
          globalRole: null,
          status: 'active',
        });
        const login = await api.post('/auth/login', { email: address, password: PASSWORD });
        expect(login.status).toBe(200);
        const [row] = await auditRows(api, 'user.create', res.body.id);
        expect(row).toMatchObject({
          actor_id: cast.admin.id,
          details: { memberCode: 'IDN', globalRole: null, invited: false },
        });
        expect(JSON.stringify(row.details)).not.toContain(PASSWORD);
      }
      if (res.status === 403) {
        const rows = await auditRows(api, 'user.create.denied');
        expect(rows.some((r) => r.actor_id === userOf(cast, role as 'observer').id)).toBe(true);
      }
    });

    it('creates an auditor', async () => {
      const res = await api.post(
        '/users',
        {
          email: email('auditor'),
          displayName: 'Second auditor',
          memberCode: 'IOM',
          password: PASSWORD,
          globalRole: 'auditor',
        },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(201);
      expect(res.body.globalRole).toBe('auditor');
    });

    it('409 on a taken e-mail, whatever its case', async () => {
      const res = await api.post(
        '/users',
        {
          email: cast.officer.email.toUpperCase(),
          displayName: 'Twin',
          memberCode: 'THA',
          password: PASSWORD,
        },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/conflict');
    });

    it('of two concurrent creations of one e-mail exactly one succeeds', async () => {
      const address = email('race');
      const results = await Promise.all(
        [address, address.toUpperCase(), address].map((e) =>
          api.post(
            '/users',
            { email: e, displayName: 'Racer', memberCode: 'THA', password: PASSWORD },
            { token: cast.admin.token },
          ),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('without a password: no password, an invitation and its e-mail; accepting sets the password', async () => {
      const address = email('invited');
      const res = await api.post(
        '/users',
        { email: address, displayName: 'Invited Person', memberCode: 'MDV' },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(201);
      const [user] = await api.db.query('SELECT password_hash FROM users WHERE id = $1', [
        res.body.id,
      ]);
      expect(user.password_hash).toBeNull();
      expect((await api.post('/auth/login', { email: address, password: PASSWORD })).status).toBe(
        401,
      );
      const invitations = await api.db.query(
        "SELECT id, user_id, team_id, token_hash, expires_at > now() + interval '6 days 23 hours' AS week FROM invitations WHERE email = $1",
        [address],
      );
      expect(invitations).toEqual([
        expect.objectContaining({ user_id: res.body.id, team_id: null, week: true }),
      ]);
      const mail = (await outboxRows(api, 'email.send')).find((e) => e.payload.to === address);
      expect(mail?.payload).toEqual({
        template: 'invitation',
        to: address,
        params: {
          displayName: 'Invited Person',
          link: expect.stringMatching(/\/invitations\/accept\?token=[A-Za-z0-9_-]{43}$/),
          teamName: '',
        },
      });
      expect(mail!.payload.params.link.startsWith(api.config.publicUrl)).toBe(true);
      expect(await auditRows(api, 'invitation.create', invitations[0].id)).toHaveLength(1);
      expect((await auditRows(api, 'user.create', res.body.id))[0].details).toMatchObject({
        invited: true,
      });

      const accepted = await api.post('/invitations/accept', {
        token: tokenFromLink(mail!.payload.params.link),
        password: PASSWORD,
      });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toEqual({ userId: res.body.id, email: address });
      expect((await api.post('/auth/login', { email: address, password: PASSWORD })).status).toBe(
        200,
      );
      const count = await api.db.query(
        'SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)',
        [address],
      );
      expect(count[0].n).toBe(1);
    });

    it.each([
      [{ displayName: 'X', memberCode: 'THA', password: PASSWORD }, 'email'],
      [{ email: 'not-an-email', displayName: 'X', memberCode: 'THA' }, 'email'],
      [{ email: `${'a'.repeat(250)}@x.io`, displayName: 'X', memberCode: 'THA' }, 'email'],
      [{ email: 'ok@rilon.test', displayName: 'x'.repeat(121), memberCode: 'THA' }, 'displayName'],
      [{ email: 'ok@rilon.test', displayName: '', memberCode: 'THA' }, 'displayName'],
      [{ email: 'ok@rilon.test', displayName: 'X', memberCode: 'tha' }, 'memberCode'],
      [{ email: 'ok@rilon.test', displayName: 'X', memberCode: 'ZZZ' }, 'memberCode'],
      [
        { email: 'ok@rilon.test', displayName: 'X', memberCode: 'THA', password: 'elevenchars' },
        'password',
      ],
      [
        { email: 'ok@rilon.test', displayName: 'X', memberCode: 'THA', password: 'p'.repeat(257) },
        'password',
      ],
      [{ email: 'ok@rilon.test', displayName: 'X', memberCode: 'THA', password: null }, 'password'],
      [
        { email: 'ok@rilon.test', displayName: 'X', memberCode: 'THA', globalRole: 'root' },
        'globalRole',
      ],
      [{ email: 'ok@rilon.test', displayName: 'X', memberCode: 'THA', status: 'active' }, 'status'],
      [{ email: ['ok@rilon.test'], displayName: 'X', memberCode: 'THA' }, 'email'],
    ])('400 for %j', async (body, field) => {
      const res = await api.post('/users', body, { token: cast.admin.token });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const stored = await api.db.query("SELECT 1 FROM users WHERE email = 'ok@rilon.test'");
      expect(stored).toHaveLength(0);
    });
  });

  describe('GET /users and GET /users/:id', () => {
    it.each(ALL_ROLES)('list as %s', async (role) => {
      const res = await api.get('/users', { token: tokenOf(cast, role) });
      expect(res.status).toBe(adminOnly(role, 200));
      if (res.status === 200) {
        expect(res.body.items.length).toBeGreaterThan(8);
        expect(res.body.items[0]).toEqual({
          id: expect.any(String),
          email: expect.any(String),
          displayName: expect.any(String),
          memberCode: expect.any(String),
          globalRole: null,
          status: 'active',
        });
        expect(res.body.items[0]).not.toHaveProperty('passwordHash');
      }
      if (res.status === 403) expect(await auditRows(api, 'user.list.denied')).not.toEqual([]);
    });

    it('pages newest first with an opaque cursor, without overlap or gaps', async () => {
      const total = (await api.db.query('SELECT count(*)::int AS n FROM users'))[0].n;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await api.get(path, { token: cast.admin.token });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((u: { id: string }) => u.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect([...seen].sort().reverse()).toEqual(seen);
    });

    it.each([
      'limit=0',
      'limit=201',
      'limit=ten',
      'cursor=%%%',
      'cursor=WyJub3QtYS11dWlkIl0',
      'other=1',
    ])('400 for ?%s', async (query) => {
      expect((await api.get(`/users?${query}`, { token: cast.admin.token })).status).toBe(400);
    });

    it.each(ALL_ROLES)('reading the officer as %s', async (role) => {
      const res = await api.get(`/users/${cast.officer.id}`, { token: tokenOf(cast, role) });
      const expected =
        role === 'anonymous' || role === 'suspended'
          ? 401
          : role === 'admin' || role === 'officer'
            ? 200
            : 403;
      expect(res.status).toBe(expected);
      if (expected === 200)
        expect(res.body).toEqual({
          id: cast.officer.id,
          email: cast.officer.email,
          displayName: 'Officer A',
          memberCode: 'THA',
          globalRole: null,
          status: 'active',
        });
      if (expected === 403)
        expect(
          (await auditRows(api, 'user.read.denied', cast.officer.id)).some(
            (r) => r.actor_id === userOf(cast, role as 'lead').id,
          ),
        ).toBe(true);
    });

    it('everyone reads themself; 404 for an unknown id (admin), 403 for others, 404 malformed', async () => {
      for (const user of [cast.observer, cast.auditor, cast.otherLead]) {
        const res = await api.get(`/users/${user.id}`, { token: user.token });
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(user.id);
      }
      expect((await api.get(`/users/${UNKNOWN}`, { token: cast.admin.token })).status).toBe(404);
      expect((await api.get(`/users/${UNKNOWN}`, { token: cast.officer.token })).status).toBe(403);
      for (const who of [cast.admin, cast.officer]) {
        const malformed = await api.get('/users/me', { token: who.token });
        expect(malformed.status).toBe(404);
        expect(malformed.body).toMatchObject({
          type: '/problems/not-found',
          detail: 'User not found',
        });
      }
    });
  });

  describe('PATCH /users/:id', () => {
    it.each(ALL_ROLES)('as %s', async (role) => {
      const target = await factory.user({ signIn: false, displayName: 'Patch me' });
      const res = await api.patch(
        `/users/${target.id}`,
        { displayName: `Renamed by ${role}` },
        { token: tokenOf(cast, role) },
      );
      expect(res.status).toBe(adminOnly(role, 200));
      const [row] = await api.db.query('SELECT display_name FROM users WHERE id = $1', [target.id]);
      expect(row.display_name).toBe(res.status === 200 ? `Renamed by ${role}` : 'Patch me');
      if (res.status === 200) {
        expect(res.body.displayName).toBe('Renamed by admin');
        expect(await auditRows(api, 'user.update', target.id)).toEqual([
          expect.objectContaining({ details: { changed: ['displayName'] } }),
        ]);
      }
      if (res.status === 403)
        expect(await auditRows(api, 'user.update.denied', target.id)).toHaveLength(1);
    });

    it('changes member code and global role (null removes it); unknown member code is a 400', async () => {
      const target = await factory.user({ signIn: false, globalRole: 'auditor' });
      const res = await api.patch(
        `/users/${target.id}`,
        { memberCode: 'UNHCR', globalRole: null },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ memberCode: 'UNHCR', globalRole: null });
      const [row] = await auditRows(api, 'user.update', target.id);
      expect(row.details).toEqual({
        changed: ['memberCode', 'globalRole'],
        memberCode: 'UNHCR',
        globalRole: null,
      });
      const bad = await api.patch(
        `/users/${target.id}`,
        { memberCode: 'XYZ' },
        { token: cast.admin.token },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'memberCode', message: expect.any(String) }]);
    });

    it('suspension ends every session at once; reactivation lets the user sign in again', async () => {
      const target = await factory.user();
      const second = await factory.signIn({ ...target });
      expect((await api.get('/me', { token: target.token })).status).toBe(200);
      const res = await api.patch(
        `/users/${target.id}`,
        { status: 'suspended' },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('suspended');
      expect((await api.get('/me', { token: target.token })).status).toBe(401);
      expect((await api.get('/me', { token: second.token })).status).toBe(401);
      expect((await api.post('/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(
        401,
      );
      const sessions = await api.db.query(
        'SELECT revoked_reason FROM sessions WHERE user_id = $1',
        [target.id],
      );
      expect(sessions.map((s: { revoked_reason: string }) => s.revoked_reason)).toEqual([
        'suspended',
        'suspended',
      ]);
      expect((await auditRows(api, 'user.update', target.id))[0].details).toEqual({
        changed: ['status'],
        status: 'suspended',
        sessionsRevoked: 2,
      });
      expect(
        (await api.post('/auth/login', { email: target.email, password: target.password })).status,
      ).toBe(401);
      expect(
        (await api.patch(`/users/${target.id}`, { status: 'active' }, { token: cast.admin.token }))
          .status,
      ).toBe(200);
      expect(
        (await api.post('/auth/login', { email: target.email, password: target.password })).status,
      ).toBe(200);
    });

    it('404 for an unknown user and a malformed id; 400 for bad bodies', async () => {
      expect(
        (
          await api.patch(
            `/users/${UNKNOWN}`,
            { displayName: 'Ghost' },
            { token: cast.admin.token },
          )
        ).status,
      ).toBe(404);
      expect(
        (await api.patch('/users/1', { displayName: 'Ghost' }, { token: cast.admin.token })).status,
      ).toBe(404);
      for (const body of [
        { displayName: null },
        { status: 'deleted' },
        { globalRole: 'lead' },
        { email: 'new@x.io' },
        { password: PASSWORD },
        { displayName: 'd'.repeat(121) },
        { memberCode: null },
      ]) {
        const res = await api.patch(`/users/${cast.officer.id}`, body, { token: cast.admin.token });
        expect(res.status).toBe(400);
      }
    });
  });

  describe('the last active administrator', () => {
    let second: TestUser;

    it('cannot be demoted nor suspended, by themself or anyone', async () => {
      for (const body of [
        { globalRole: null },
        { globalRole: 'auditor' },
        { status: 'suspended' },
      ]) {
        const res = await api.patch(`/users/${cast.admin.id}`, body, { token: cast.admin.token });
        expect(res.status).toBe(409);
      }
      const [row] = await api.db.query('SELECT global_role, status FROM users WHERE id = $1', [
        cast.admin.id,
      ]);
      expect(row).toEqual({ global_role: 'admin', status: 'active' });
      expect((await api.get('/me', { token: cast.admin.token })).status).toBe(200);
    });

    it('a suspended administrator does not count', async () => {
      const dormant = await factory.user({ globalRole: 'admin', suspended: true, signIn: false });
      expect(
        (
          await api.patch(
            `/users/${cast.admin.id}`,
            { globalRole: null },
            { token: cast.admin.token },
          )
        ).status,
      ).toBe(409);
      expect(
        (await api.patch(`/users/${dormant.id}`, { globalRole: null }, { token: cast.admin.token }))
          .status,
      ).toBe(200);
    });

    it('can step down once another administrator exists, and that one then cannot', async () => {
      const res = await api.post(
        '/users',
        {
          email: email('admin'),
          displayName: 'Second admin',
          memberCode: 'AUS',
          password: PASSWORD,
          globalRole: 'admin',
        },
        { token: cast.admin.token },
      );
      expect(res.status).toBe(201);
      second = await factory.signIn({
        ...cast.admin,
        id: res.body.id,
        email: res.body.email,
        password: PASSWORD,
      });
      expect(
        (
          await api.patch(
            `/users/${cast.admin.id}`,
            { globalRole: 'auditor' },
            { token: second.token },
          )
        ).status,
      ).toBe(200);
      expect(
        (await api.patch(`/users/${second.id}`, { status: 'suspended' }, { token: second.token }))
          .status,
      ).toBe(409);
      // Give the role back for the race below.
      expect(
        (
          await api.patch(
            `/users/${cast.admin.id}`,
            { globalRole: 'admin' },
            { token: second.token },
          )
        ).status,
      ).toBe(200);
    });

    it('two administrators demoting each other at once: exactly one succeeds', async () => {
      const results = await Promise.all([
        api.patch(`/users/${second.id}`, { globalRole: null }, { token: cast.admin.token }),
        api.patch(`/users/${cast.admin.id}`, { status: 'suspended' }, { token: second.token }),
      ]);
      // The loser is refused either by the last-administrator rule (409, when both got past
      // the role check before either committed) or by the role check itself (403, when the
      // winner's demotion committed before the loser's request was authorised).
      const statuses = results.map((r) => r.status).sort();
      expect([
        [200, 403],
        [200, 409],
      ]).toContainEqual(statuses);
      const admins = await api.db.query(
        "SELECT count(*)::int AS n FROM users WHERE global_role = 'admin' AND status = 'active'",
      );
      expect(admins[0].n).toBe(1);
    });
  });
});
