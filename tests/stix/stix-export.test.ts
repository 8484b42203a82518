import Ajv2020 from 'ajv/dist/2020';
import { envelope, makeReport } from '../reports/report-fixtures';
import { Factory, type TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { stixFaults } from './stix-validator';

jest.setTimeout(120_000);

const STIX = 'application/stix+json;version=2.1';
/** Fastify writes the parameter quoted, with a charset: the same media type. */
const STIX_ANSWER = /^application\/stix\+json; ?version="?2\.1"?(; charset=utf-8)?$/;
const MARKINGS = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;
type TlpName = keyof typeof MARKINGS;

type StixObject = Record<string, any> & { type: string; id: string };
const reportsOf = (bundle: { objects: StixObject[] }) =>
  bundle.objects.filter((o) => o.type === 'report');
const rilonIds = (bundle: { objects: StixObject[] }) =>
  reportsOf(bundle).map((r) => r.external_references[0].external_id as string);

describe('STIX 2.1 export (issue 9, item 2)', () => {
  let api: TestApi;
  let officer: TestUser;
  let lead: TestUser;
  let otherMember: TestUser;
  const ids = {} as Record<TlpName, string> & { withdrawn: string; mo: string; draft: string };
  const bundles: unknown[] = [];

  /** Every answer the tests take apart is kept, and all of them validate at the end. */
  const get = async (path: string, user: TestUser, accept = STIX) => {
    const res = await api.get(path, { token: user.token, headers: { accept } });
    if (res.status === 200 && path.includes('/stix')) bundles.push(res.body);
    return res;
  };

  beforeAll(async () => {
    api = await startApi();
    const f = new Factory(api);
    const [a, b] = await Promise.all([f.team('Team Bangkok STIX'), f.team()]);
    [officer, lead, otherMember] = await Promise.all([
      f.user({ teams: [[a.id, 'officer']] }),
      f.user({ teams: [[a.id, 'lead']] }),
      f.user({ teams: [[b.id, 'officer']] }),
    ]);
    const make = (tlp: TlpName, extra: Record<string, unknown> = {}) =>
      makeReport(api, officer, lead, envelope(a.id, 'visa_fraud_trend', { tlp, ...extra }));
    for (const tlp of ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'] as const)
      ids[tlp] = (
        await make(tlp, tlp.startsWith('AMBER') ? { distribution: { teamIds: [a.id] } } : {})
      ).id;
    ids.RED = (await make('RED', { distribution: { userIds: [lead.id] } })).id;
    ids.mo = (
      await makeReport(api, officer, lead, envelope(a.id, 'modus_operandi', { tlp: 'CLEAR' }))
    ).id;
    ids.withdrawn = (await makeReport(api, officer, lead, envelope(a.id), 'withdrawn')).id;
    ids.draft = (await makeReport(api, officer, lead, envelope(a.id), 'draft')).id;
  });

  afterAll(async () => {
    // Issue 9, item 5: every bundle the tests received validates against the OASIS schemas.
    expect(bundles.length).toBeGreaterThan(10);
    for (const bundle of bundles) expect(stixFaults(bundle)).toEqual([]);
    await api?.close();
  });

  it.each(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'] as const)(
    'gives a reader a %s report as a bundle with its TLP 2.0 marking',
    async (tlp) => {
      const res = await get(`/reports/${ids[tlp]}/stix`, officer);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(STIX_ANSWER);
      const [report] = reportsOf(res.body);
      expect(reportsOf(res.body)).toHaveLength(1);
      expect(report.object_marking_refs).toEqual([MARKINGS[tlp]]);
      expect(res.body.objects.find((o: StixObject) => o.id === MARKINGS[tlp])).toMatchObject({
        name: `TLP:${tlp}`,
      });
      const team = res.body.objects.find((o: StixObject) => o.id === report.created_by_ref);
      expect(team).toMatchObject({
        type: 'identity',
        identity_class: 'organization',
        name: 'Team Bangkok STIX',
      });
      expect(stixFaults(res.body)).toEqual([]);
    },
  );

  it('answers application/json when that alone is accepted', async () => {
    const res = await get(`/reports/${ids.GREEN}/stix`, officer, 'application/json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.type).toBe('bundle');
  });

  it('is the 404 of GET /reports/:id for a report the caller may not read', async () => {
    const read = await api.get(`/reports/${ids.AMBER}`, { token: otherMember.token });
    const exported = await get(`/reports/${ids.AMBER}/stix`, otherMember);
    expect(read.status).toBe(404);
    expect(exported.status).toBe(404);
    expect(exported.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(exported.body.detail).toBe(read.body.detail);
    expect((await get(`/reports/${ids.GREEN}/stix`, otherMember)).status).toBe(200);
  });

  it('never exports a RED report, even to a reader: 403 saying so, audited', async () => {
    expect((await api.get(`/reports/${ids.RED}`, { token: lead.token })).status).toBe(200);
    const res = await get(`/reports/${ids.RED}/stix`, lead);
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/RED report is never exported/);
    const [row] = await api.db.query(
      `SELECT outcome FROM audit_events WHERE action = 'report.export.denied' AND target_id = $1`,
      [ids.RED],
    );
    expect(row).toEqual({ outcome: 'denied' });
  });

  it('refuses a draft with 409', async () => {
    expect((await get(`/reports/${ids.draft}/stix`, officer)).status).toBe(409);
  });

  it('exports a withdrawn report as revoked, and an amendment as the same id with a new modified', async () => {
    const withdrawn = await get(`/reports/${ids.withdrawn}/stix`, officer);
    expect(reportsOf(withdrawn.body)[0]).toMatchObject({ revoked: true });
    const before = reportsOf((await get(`/reports/${ids.CLEAR}/stix`, officer)).body)[0];
    const again = reportsOf((await get(`/reports/${ids.CLEAR}/stix`, officer)).body)[0];
    expect(again).toEqual(before);
    const amend = await api.patch(
      `/reports/${ids.CLEAR}`,
      { title: 'Amended for STIX' },
      { token: lead.token },
    );
    expect(amend.status).toBe(200);
    const after = reportsOf((await get(`/reports/${ids.CLEAR}/stix`, officer)).body)[0];
    expect(after.id).toBe(before.id);
    expect(after.name).toBe('Amended for STIX');
    expect(after.created).toBe(before.created);
    expect(Date.parse(after.modified)).toBeGreaterThan(Date.parse(before.modified));
  });

  it('audits each export', async () => {
    await get(`/reports/${ids.GREEN}/stix`, otherMember);
    const rows = await api.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'report.export' AND target_id = $1`,
      [ids.GREEN],
    );
    expect(rows).toContainEqual({
      actor_id: otherMember.id,
      details: expect.objectContaining({ tlp: 'GREEN', bulk: false }),
    });
  });

  it('exports in bulk only CLEAR, GREEN and AMBER, and only what the caller may read', async () => {
    const mine = await get('/reports/stix?limit=200', officer);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toMatch(STIX_ANSWER);
    expect(rilonIds(mine.body)).toEqual(
      expect.arrayContaining([ids.CLEAR, ids.GREEN, ids.AMBER, ids.mo]),
    );
    expect(rilonIds(mine.body)).not.toContain(ids['AMBER+STRICT']);
    expect(rilonIds(mine.body)).not.toContain(ids.RED);
    expect(reportsOf(mine.body).map((r) => r.object_marking_refs[0])).not.toContain(MARKINGS.RED);
    const theirs = await get('/reports/stix?limit=200', otherMember);
    expect(rilonIds(theirs.body)).toEqual(expect.arrayContaining([ids.CLEAR, ids.GREEN]));
    expect(rilonIds(theirs.body)).not.toContain(ids.AMBER);
    const audited = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.export' AND actor_id = $1
         AND details->>'bulk' = 'true'`,
      [otherMember.id],
    );
    expect(audited[0].n).toBe(reportsOf(theirs.body).length);
  });

  it('takes the filters of GET /reports', async () => {
    const mo = await get('/reports/stix?type=modus_operandi', officer);
    expect(rilonIds(mo.body)).toEqual([ids.mo]);
    const amber = await get('/reports/stix?tlp=AMBER', officer);
    expect(rilonIds(amber.body)).toEqual([ids.AMBER]);
    const withdrawn = await get('/reports/stix?status=withdrawn', officer);
    expect(rilonIds(withdrawn.body)).toEqual([ids.withdrawn]);
    for (const refused of ['tlp=RED', 'tlp=AMBER%2BSTRICT', 'status=draft'])
      expect((await get(`/reports/stix?${refused}`, officer)).status).toBe(400);
  });

  it('holds its bound and pages on with a Link rel="next"', async () => {
    expect((await get('/reports/stix?limit=201', officer)).status).toBe(400);
    const seen: string[] = [];
    let path: string | null = '/api/v1/reports/stix?limit=2';
    for (let pages = 0; path && pages < 10; pages++) {
      const res = await get(path, officer);
      expect(res.status).toBe(200);
      expect(reportsOf(res.body).length).toBeLessThanOrEqual(2);
      seen.push(...rilonIds(res.body));
      const link = res.headers.get('link');
      path = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1] : null;
    }
    expect(path).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([ids.CLEAR, ids.GREEN, ids.AMBER, ids.mo].sort());
  });

  it('serves the extension schema to anyone, and each exported report extension meets it', async () => {
    // No sign-in: MISP, OpenCTI and validators fetch the definition's schema URL as it is.
    const schema = await api.get('/stix/extension-schema');
    expect(schema.status).toBe(200);
    expect(JSON.stringify(schema.body)).not.toContain(ids.AMBER);
    const bundle = (await get(`/reports/${ids.AMBER}/stix`, officer)).body;
    const definition = bundle.objects.find(
      (o: StixObject) => o.type === 'extension-definition' && o.name === 'RILON report',
    );
    expect(definition.schema).toBe(schema.body.$id);
    const validate = new Ajv2020({ strict: false }).compile(schema.body);
    const ext = reportsOf(bundle)[0].extensions[definition.id];
    expect(validate(ext)).toBe(true);
    expect(validate({ ...ext, body: { ...ext.body, persons_detected: 'many' } })).toBe(false);
  });
});
