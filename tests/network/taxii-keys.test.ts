import { TaxiiKeysService } from '@rilon/network';
import { createHash } from 'node:crypto';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { auditRows, RoleName, tokenOf, userOf } from './network-helpers';

jest.setTimeout(60000);

const UNKNOWN = '0190b6f0-0000-7000-8000-000000000000';

/** POST, GET and DELETE /teams/:id/taxii-keys, and TaxiiKeysService.authenticate (issue 9, item 4). */
describe('TAXII keys', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;
  let keys: TaxiiKeysService;
  let counter = 0;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
    keys = api.app.get(TaxiiKeysService);
  });
  afterAll(() => api.close());

  const path = (teamId = cast.teamA.id) => `/teams/${teamId}/taxii-keys`;
  const issue = (token: string | undefined, json: unknown = { label: `Key ${++counter}` }) =>
    api.post(path(), json, { token });
  const listOf = async (token = cast.lead.token, teamId = cast.teamA.id) => {
    const res = await api.get(path(teamId), { token });
    expect(res.status).toBe(200);
    return res.body as { items: Array<Record<string, unknown>>; nextCursor: null };
  };
  const storedRow = async (id: string) =>
    (
      await api.db.query(
        'SELECT team_id, label, secret_hash, created_by, revoked_at, revoked_by, last_used_at FROM taxii_keys WHERE id = $1',
        [id],
      )
    )[0];

  const ROLES: Array<[RoleName, number]> = [
    ['lead', 201],
    ['admin', 201],
    ['otherLead', 403],
    ['officer', 403],
    ['observer', 403],
    ['auditor', 403],
    ['suspended', 401],
    ['anonymous', 401],
  ];

  describe.each(ROLES)('as %s', (role, issued) => {
    const allowed = issued === 201;
    const listed = allowed ? 200 : issued;

    it(`issues a key for team A: ${issued}`, async () => {
      const label = `Key of ${role}`;
      const res = await issue(tokenOf(cast, role), { label });
      expect(res.status).toBe(issued);
      const rows = await api.db.query('SELECT id FROM taxii_keys WHERE label = $1', [label]);
      if (!allowed) {
        expect(rows).toEqual([]);
        if (issued === 403) {
          const denied = await auditRows(api, 'taxii_key.create.denied', cast.teamA.id);
          expect(denied.some((r) => r.actor_id === userOf(cast, role as 'officer').id)).toBe(true);
        }
        return;
      }
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        label,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      });
      const { id, secret } = res.body;
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      const row = await storedRow(id);
      expect(row).toMatchObject({
        team_id: cast.teamA.id,
        label,
        created_by: userOf(cast, role as 'lead').id,
        revoked_at: null,
      });
      expect(Buffer.isBuffer(row.secret_hash)).toBe(true);
      expect(row.secret_hash.equals(createHash('sha256').update(secret).digest())).toBe(true);
      expect(row.secret_hash.toString('utf8')).not.toContain(secret);
      const [audit] = await auditRows(api, 'taxii_key.create', id);
      expect(audit).toMatchObject({
        actor_id: userOf(cast, role as 'lead').id,
        target_type: 'taxii_key',
        outcome: 'success',
        details: { teamId: cast.teamA.id, label },
      });
      expect(JSON.stringify(audit)).not.toContain(secret);
      // Shown once: the list never carries it.
      const list = await listOf(tokenOf(cast, role));
      expect(JSON.stringify(list)).not.toContain(secret);
      expect(list.items.find((k) => k.id === id)).toEqual({
        id,
        label,
        createdAt: res.body.createdAt,
        lastUsedAt: null,
        createdBy: { id: userOf(cast, role as 'lead').id, displayName: expect.any(String) },
      });
    });

    it(`lists team A's keys: ${listed}`, async () => {
      const res = await api.get(path(), { token: tokenOf(cast, role) });
      expect(res.status).toBe(listed);
      if (listed === 403)
        expect(
          (await auditRows(api, 'taxii_key.list.denied', cast.teamA.id)).some(
            (r) => r.actor_id === userOf(cast, role as 'officer').id,
          ),
        ).toBe(true);
    });

    it(`revokes a key of team A: ${allowed ? 204 : issued}`, async () => {
      const made = await issue(cast.lead.token);
      const res = await api.delete(`${path()}/${made.body.id}`, { token: tokenOf(cast, role) });
      expect(res.status).toBe(allowed ? 204 : issued);
      const row = await storedRow(made.body.id);
      if (!allowed) {
        expect(row.revoked_at).toBeNull();
        if (issued === 403)
          expect(
            (await auditRows(api, 'taxii_key.revoke.denied', cast.teamA.id)).some(
              (r) => r.actor_id === userOf(cast, role as 'officer').id,
            ),
          ).toBe(true);
        return;
      }
      expect(row.revoked_at).toBeInstanceOf(Date);
      expect(row.revoked_by).toBe(userOf(cast, role as 'lead').id);
      expect((await listOf()).items.map((k) => k.id)).not.toContain(made.body.id);
      const [audit] = await auditRows(api, 'taxii_key.revoke', made.body.id);
      expect(audit).toMatchObject({
        actor_id: userOf(cast, role as 'lead').id,
        details: { teamId: cast.teamA.id },
      });
      expect(JSON.stringify(audit)).not.toContain(made.body.secret);
      expect(await keys.authenticate(made.body.id, made.body.secret)).toBeNull();
    });
  });

  it('lists newest first, only the unrevoked keys of the team', async () => {
    const teamB = (
      await api.post(
        path(cast.teamB.id),
        { label: 'Team B key' },
        {
          token: cast.otherLead.token,
        },
      )
    ).body;
    const first = (await issue(cast.lead.token, { label: 'Older' })).body;
    const second = (await issue(cast.lead.token, { label: 'Newer' })).body;
    const ids = (await listOf()).items.map((k) => k.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids).not.toContain(teamB.id);
    expect((await listOf(cast.otherLead.token, cast.teamB.id)).items.map((k) => k.id)).toEqual([
      teamB.id,
    ]);
  });

  it('answers 404 for an unknown team, a malformed id, an unknown or revoked key', async () => {
    const lead = { token: cast.lead.token };
    const admin = { token: cast.admin.token };
    expect((await api.get(path(UNKNOWN), admin)).status).toBe(404);
    expect((await api.post(path(UNKNOWN), { label: 'x' }, admin)).status).toBe(404);
    expect((await api.get('/teams/not-a-uuid/taxii-keys', admin)).status).toBe(404);
    expect((await api.delete(`${path()}/not-a-uuid`, lead)).status).toBe(404);
    expect((await api.delete(`${path()}/${UNKNOWN}`, lead)).status).toBe(404);
    const made = (await issue(cast.lead.token)).body;
    expect((await api.delete(`${path()}/${made.id}`, lead)).status).toBe(204);
    const again = await api.delete(`${path()}/${made.id}`, lead);
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    // Another team's key is not the team's: 404, and it stays.
    const other = (
      await api.post(path(cast.teamB.id), { label: 'B' }, { token: cast.otherLead.token })
    ).body;
    expect((await api.delete(`${path()}/${other.id}`, admin)).status).toBe(404);
    expect((await storedRow(other.id)).revoked_at).toBeNull();
  });

  it.each([
    ['no label', {}],
    ['an empty label', { label: '' }],
    ['a blank label', { label: '   ' }],
    ['a label of 101 characters', { label: 'x'.repeat(101) }],
    ['a label on two lines', { label: 'OpenCTI\nBcc: x' }],
    ['a number', { label: 42 }],
    ['an unknown field', { label: 'Fine', secret: 'mine' }],
    ['a team id in the body', { label: 'Fine', teamId: UNKNOWN }],
  ])('refuses %s with a 400 problem', async (_what, json) => {
    const before = (await listOf()).items.length;
    const res = await issue(cast.lead.token, json);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, errors: expect.any(Array) });
    expect((await listOf()).items.length).toBe(before);
  });

  it('trims the label and takes 100 characters', async () => {
    const trimmed = await issue(cast.lead.token, { label: '  MISP in Colombo  ' });
    expect(trimmed.status).toBe(201);
    expect(trimmed.body.label).toBe('MISP in Colombo');
    const long = await issue(cast.lead.token, { label: 'é'.repeat(100) });
    expect(long.status).toBe(201);
  });

  it('authenticates the right secret only, and stamps the last use', async () => {
    const made = (await issue(cast.lead.token, { label: 'Authenticated' })).body;
    expect(await keys.authenticate(made.id, made.secret)).toEqual({
      keyId: made.id,
      teamId: cast.teamA.id,
    });
    const used = (await listOf()).items.find((k) => k.id === made.id);
    expect(used?.lastUsedAt).toEqual(expect.stringMatching(/^\d{4}-/));
    // At most once a minute: a second use within it leaves the stamp.
    const stamp = (await storedRow(made.id)).last_used_at;
    await keys.authenticate(made.id, made.secret);
    expect((await storedRow(made.id)).last_used_at).toEqual(stamp);

    const wrong = `${made.secret.slice(0, -1)}${made.secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await keys.authenticate(made.id, wrong)).toBeNull();
    expect(await keys.authenticate(made.id, '')).toBeNull();
    expect(await keys.authenticate(UNKNOWN, made.secret)).toBeNull();
    expect(await keys.authenticate('not-a-uuid', made.secret)).toBeNull();
    expect(await keys.authenticate(made.id.toUpperCase(), made.secret)).toEqual({
      keyId: made.id,
      teamId: cast.teamA.id,
    });
  });

  it('refuses a key at once when revoked, and every key of an inactive team', async () => {
    const made = (await issue(cast.lead.token)).body;
    expect(await keys.authenticate(made.id, made.secret)).not.toBeNull();
    await api.delete(`${path()}/${made.id}`, { token: cast.lead.token });
    expect(await keys.authenticate(made.id, made.secret)).toBeNull();

    const team = await factory.team();
    const lead = await factory.user({ teams: [[team.id, 'lead']] });
    const key = (await api.post(path(team.id), { label: 'Soon idle' }, { token: lead.token })).body;
    expect(await keys.authenticate(key.id, key.secret)).not.toBeNull();
    await api.db.query('UPDATE teams SET active = false WHERE id = $1', [team.id]);
    expect(await keys.authenticate(key.id, key.secret)).toBeNull();
    // Its leads lead no inactive team; an administrator is told why.
    const refused = await api.post(path(team.id), { label: 'No' }, { token: cast.admin.token });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('The team is inactive');
  });

  it('holds at most 20 unrevoked keys a team: 409 beyond, room again after a revocation', async () => {
    const team = await factory.team();
    const lead = await factory.user({ teams: [[team.id, 'lead']] });
    const made = await Promise.all(
      Array.from({ length: 22 }, (_, i) =>
        api.post(path(team.id), { label: `Cap ${i}` }, { token: lead.token }),
      ),
    );
    expect(made.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = made.filter((r) => r.status === 409);
    expect(refused).toHaveLength(2);
    expect(refused[0].body).toMatchObject({ status: 409, limit: 20 });
    const one = made.find((r) => r.status === 201)?.body;
    expect((await api.delete(`${path(team.id)}/${one.id}`, { token: lead.token })).status).toBe(
      204,
    );
    expect((await api.post(path(team.id), { label: 'Again' }, { token: lead.token })).status).toBe(
      201,
    );
  });
});
