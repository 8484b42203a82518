import { createHash } from 'node:crypto';
import { Cast, createCast, Factory } from '../support/factories';
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

jest.setTimeout(30000);

const PASSWORD = 'my own long passphrase';
const UNKNOWN = '0190b6f0-0000-7000-8000-000000000000';

/** POST /invitations and POST /invitations/accept. */
describe('invitations', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;
  let counter = 0;
  const email = (tag: string) => `invitee-${tag}-${++counter}@rilon.test`;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
  });
  afterAll(() => api.close());

  const invite = (token: string | undefined, overrides: Record<string, unknown> = {}) =>
    api.post(
      '/invitations',
      {
        email: email('x'),
        displayName: 'New Officer',
        memberCode: 'THA',
        teamId: cast.teamA.id,
        role: 'officer',
        ...overrides,
      },
      { token },
    );
  /** The token, as only the e-mail carries it. */
  const tokenFor = async (address: string): Promise<string> => {
    const mail = (await outboxRows(api, 'email.send'))
      .filter((e) => e.payload.to === address)
      .pop();
    if (!mail) throw new Error(`no e-mail queued for ${address}`);
    return tokenFromLink(mail.payload.params.link);
  };

  describe('POST /invitations', () => {
    const expected: Record<RoleName, number> = {
      anonymous: 401,
      observer: 403,
      officer: 403,
      lead: 201,
      otherLead: 403,
      admin: 201,
      auditor: 403,
      suspended: 401,
    };
    it.each(ALL_ROLES)('an officer for team A, as %s', async (role) => {
      const address = email(role);
      const res = await invite(tokenOf(cast, role), { email: address });
      expect(res.status).toBe(expected[role]);
      const mails = (await outboxRows(api, 'email.send')).filter((e) => e.payload.to === address);
      if (res.status === 201) {
        expect(res.body).toEqual({
          id: expect.any(String),
          email: address,
          displayName: 'New Officer',
          memberCode: 'THA',
          teamId: cast.teamA.id,
          role: 'officer',
          expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        });
        const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86400000;
        expect(days).toBeGreaterThan(6.99);
        expect(days).toBeLessThan(7.01);
        expect(mails.map((m) => m.payload)).toEqual([
          {
            template: 'invitation',
            to: address,
            params: {
              displayName: 'New Officer',
              teamName: 'Team Bangkok',
              link: expect.stringContaining('/invitations/accept?token='),
            },
          },
        ]);
        const [row] = await auditRows(api, 'invitation.create', res.body.id);
        expect(row).toMatchObject({
          actor_id: userOf(cast, role as 'admin').id,
          details: { teamId: cast.teamA.id, role: 'officer', memberCode: 'THA', userId: null },
        });
        expect(JSON.stringify(row.details)).not.toContain(await tokenFor(address));
      } else {
        expect(mails).toEqual([]);
        expect(await api.db.query('SELECT 1 FROM invitations WHERE email = $1', [address])).toEqual(
          [],
        );
      }
      if (res.status === 403)
        expect(
          (await auditRows(api, 'invitation.create.denied', cast.teamA.id)).some(
            (r) => r.actor_id === userOf(cast, role as 'observer').id,
          ),
        ).toBe(true);
    });

    it('only the SHA-256 of the 32-byte token is stored', async () => {
      const address = email('hash');
      const res = await invite(cast.admin.token, { email: address });
      const token = await tokenFor(address);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const [row] = await api.db.query('SELECT * FROM invitations WHERE id = $1', [res.body.id]);
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
    });

    it('a lead invites officers and observers but not leads; an administrator invites leads', async () => {
      expect((await invite(cast.lead.token, { role: 'observer' })).status).toBe(201);
      const lead = await invite(cast.lead.token, { role: 'lead' });
      expect(lead.status).toBe(403);
      expect(
        (await auditRows(api, 'invitation.create.denied', cast.teamA.id)).some(
          (r) => r.actor_id === cast.lead.id && r.details.role === 'lead',
        ),
      ).toBe(true);
      expect((await invite(cast.otherLead.token, { teamId: cast.teamB.id })).status).toBe(201);
      expect((await invite(cast.admin.token, { role: 'lead', teamId: cast.teamB.id })).status).toBe(
        201,
      );
    });

    it('409 when the e-mail already has an account, whatever its case', async () => {
      const res = await invite(cast.lead.token, { email: cast.observer.email.toUpperCase() });
      expect(res.status).toBe(409);
    });

    it('400 for an unknown or inactive team and an unknown member code', async () => {
      const unknownTeam = await invite(cast.admin.token, { teamId: UNKNOWN });
      expect(unknownTeam.status).toBe(400);
      expect(unknownTeam.body.errors).toEqual([{ field: 'teamId', message: expect.any(String) }]);
      const inactive = await factory.team('Dormant team');
      await api.db.query('UPDATE teams SET active = false WHERE id = $1', [inactive.id]);
      expect((await invite(cast.admin.token, { teamId: inactive.id })).status).toBe(400);
      const member = await invite(cast.admin.token, { memberCode: 'QQQ' });
      expect(member.status).toBe(400);
      expect(member.body.errors).toEqual([{ field: 'memberCode', message: expect.any(String) }]);
    });

    it.each([
      [{ email: 'nope' }, 'email'],
      [{ email: `${'e'.repeat(250)}@x.io` }, 'email'],
      [{ displayName: 'd'.repeat(121) }, 'displayName'],
      [{ memberCode: 'thai' }, 'memberCode'],
      [{ teamId: 'team-a' }, 'teamId'],
      [{ role: 'admin' }, 'role'],
      [{ role: undefined }, 'role'],
      [{ userId: UNKNOWN }, 'userId'],
      [{ displayName: 7 }, 'displayName'],
    ])('400 for %j', async (overrides, field) => {
      const res = await invite(cast.admin.token, overrides);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('POST /invitations/accept', () => {
    it('creates the account and the membership, spends the token and tells the outbox', async () => {
      const address = email('accept');
      const created = await invite(cast.lead.token, {
        email: address,
        displayName: 'Accepting Officer',
        memberCode: 'MYS',
      });
      const token = await tokenFor(address);
      const res = await api.post('/invitations/accept', { token, password: PASSWORD });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ userId: expect.any(String), email: address });
      const userId = res.body.userId;
      const login = await api.post('/auth/login', { email: address, password: PASSWORD });
      expect(login.status).toBe(200);
      const me = await api.get('/me', { token: login.body.accessToken });
      expect(me.body).toMatchObject({
        id: userId,
        email: address,
        displayName: 'Accepting Officer',
        memberCode: 'MYS',
        globalRole: null,
      });
      expect(me.body.memberships).toEqual([
        expect.objectContaining({ teamId: cast.teamA.id, role: 'officer' }),
      ]);
      const [inv] = await api.db.query('SELECT accepted_at FROM invitations WHERE id = $1', [
        created.body.id,
      ]);
      expect(inv.accepted_at).not.toBeNull();
      expect(await auditRows(api, 'invitation.accept', created.body.id)).toEqual([
        expect.objectContaining({
          actor_id: userId,
          outcome: 'success',
          details: { userId, teamId: cast.teamA.id, role: 'officer' },
        }),
      ]);
      expect(
        (await outboxRows(api, 'membership.changed'))
          .filter((e) => e.payload.userId === userId)
          .map((e) => e.payload),
      ).toEqual([{ userId, teamId: cast.teamA.id, role: 'officer', actorId: userId }]);
      // Single use.
      const again = await api.post('/invitations/accept', { token, password: PASSWORD });
      expect(again.status).toBe(410);
      expect(again.body.type).toBe('/problems/gone');
    });

    it('410 for an unknown and an expired token, audited as failures', async () => {
      const before = (await auditRows(api, 'invitation.accept')).filter(
        (r) => r.outcome === 'failure',
      ).length;
      expect(
        (await api.post('/invitations/accept', { token: 'A'.repeat(43), password: PASSWORD }))
          .status,
      ).toBe(410);
      const address = email('expired');
      const created = await invite(cast.admin.token, { email: address });
      await api.db.query(
        "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1",
        [created.body.id],
      );
      expect(
        (
          await api.post('/invitations/accept', {
            token: await tokenFor(address),
            password: PASSWORD,
          })
        ).status,
      ).toBe(410);
      expect(await api.db.query('SELECT 1 FROM users WHERE email = $1', [address])).toEqual([]);
      const failures = (await auditRows(api, 'invitation.accept')).filter(
        (r) => r.outcome === 'failure',
      );
      expect(failures).toHaveLength(before + 2);
    });

    it('a short password is a 400 and does not spend the token', async () => {
      const address = email('short');
      await invite(cast.admin.token, { email: address });
      const token = await tokenFor(address);
      const res = await api.post('/invitations/accept', { token, password: 'short pass' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
      expect((await api.post('/invitations/accept', { token, password: PASSWORD })).status).toBe(
        201,
      );
    });

    it.each([
      [{ password: PASSWORD }, 'token'],
      [{ token: 't'.repeat(129), password: PASSWORD }, 'token'],
      [{ token: 42, password: PASSWORD }, 'token'],
      [{ token: 'abc', password: PASSWORD, userId: UNKNOWN }, 'userId'],
    ])('400 for %j', async (body, field) => {
      const res = await api.post('/invitations/accept', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('of two concurrent acceptances of one token exactly one succeeds', async () => {
      const address = email('race');
      await invite(cast.admin.token, { email: address });
      const token = await tokenFor(address);
      const results = await Promise.all([
        api.post('/invitations/accept', { token, password: PASSWORD }),
        api.post('/invitations/accept', { token, password: `${PASSWORD} two` }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
      expect(
        (await api.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [address]))[0]
          .n,
      ).toBe(1);
    });

    it('409 when someone registered the e-mail meanwhile; the invitation stays unspent', async () => {
      const address = email('meanwhile');
      const created = await invite(cast.admin.token, { email: address });
      await factory.user({ email: address.toUpperCase(), signIn: false });
      const res = await api.post('/invitations/accept', {
        token: await tokenFor(address),
        password: PASSWORD,
      });
      expect(res.status).toBe(409);
      const [inv] = await api.db.query('SELECT accepted_at FROM invitations WHERE id = $1', [
        created.body.id,
      ]);
      expect(inv.accepted_at).toBeNull();
      expect(
        await api.db.query(
          'SELECT 1 FROM team_memberships m JOIN users u ON u.id = m.user_id WHERE lower(u.email) = $1',
          [address],
        ),
      ).toEqual([]);
    });
  });

  describe('GET /teams/:teamId/invitations', () => {
    const list = (token: string | undefined, teamId = cast.teamA.id) =>
      api.get(`/teams/${teamId}/invitations`, { token });

    const expected: Record<RoleName, number> = {
      anonymous: 401,
      observer: 403,
      officer: 403,
      lead: 200,
      otherLead: 403,
      admin: 200,
      auditor: 403,
      suspended: 401,
    };
    it.each(ALL_ROLES)('lists team A pending invitations, as %s', async (role) => {
      const res = await list(tokenOf(cast, role));
      expect(res.status).toBe(expected[role]);
      if (res.status === 200) {
        expect(res.body.nextCursor).toBeNull();
        expect(res.body.items.every((i: { teamId: string }) => i.teamId === cast.teamA.id)).toBe(
          true,
        );
      } else {
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(JSON.stringify(res.body)).not.toContain('@rilon.test');
      }
      if (res.status === 403)
        expect(
          (await auditRows(api, 'invitation.list.denied', cast.teamA.id)).some(
            (r) => r.actor_id === userOf(cast, role as 'observer').id,
          ),
        ).toBe(true);
    });

    it('shows an invitation until it is accepted or expires, newest first, with its sender', async () => {
      const first = email('pending-1');
      const second = email('pending-2');
      const expired = email('pending-expired');
      expect((await invite(cast.lead.token, { email: first })).status).toBe(201);
      expect((await invite(cast.admin.token, { email: second, role: 'observer' })).status).toBe(
        201,
      );
      expect((await invite(cast.lead.token, { email: expired })).status).toBe(201);
      await api.db.query(
        `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = $1`,
        [expired],
      );
      const before = await list(cast.lead.token);
      expect(before.status).toBe(200);
      const emails = before.body.items.map((i: { email: string }) => i.email);
      expect(emails.indexOf(second)).toBeLessThan(emails.indexOf(first));
      expect(emails).not.toContain(expired);
      const shown = before.body.items.find((i: { email: string }) => i.email === second);
      expect(shown).toEqual({
        id: expect.any(String),
        email: second,
        displayName: 'New Officer',
        memberCode: 'THA',
        teamId: cast.teamA.id,
        role: 'observer',
        createdAt: expect.stringMatching(/Z$/),
        expiresAt: expect.stringMatching(/Z$/),
        invitedBy: { id: cast.admin.id, displayName: cast.admin.displayName },
      });
      // Nothing of the token is in the answer.
      expect(before.text).not.toContain(await tokenFor(second));
      const accepted = await api.post('/invitations/accept', {
        token: await tokenFor(first),
        password: PASSWORD,
      });
      expect(accepted.status).toBe(201);
      const after = await list(cast.admin.token);
      expect(after.body.items.map((i: { email: string }) => i.email)).not.toContain(first);
      expect(after.body.items.map((i: { email: string }) => i.email)).toContain(second);
      // Team B's list holds none of team A's.
      const other = await list(cast.admin.token, cast.teamB.id);
      expect(other.status).toBe(200);
      expect(other.body.items.map((i: { email: string }) => i.email)).not.toContain(second);
    });

    it('answers 404 for an unknown team and for a malformed id', async () => {
      const unknown = await list(cast.admin.token, UNKNOWN);
      expect(unknown.status).toBe(404);
      const malformed = await list(cast.admin.token, 'not-a-uuid');
      expect(malformed.status).toBe(404);
      expect({ ...malformed.body, instance: null }).toEqual({ ...unknown.body, instance: null });
      expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    });
  });
});
