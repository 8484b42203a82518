import { RILON_STIX_NAMESPACE, stixIds, uuidV5 } from '@rilon/reports';
import { Client } from 'pg';
import { envelope, makeReport } from '../reports/report-fixtures';
import { Factory, type TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { envelopeFaults } from './stix-validator';

jest.setTimeout(180_000);

const TAXII = 'application/taxii+json;version=2.1';
const TAXII_ANSWER = /^application\/taxii\+json; ?version="?2\.1"?(; charset=utf-8)?$/;
const MARKING = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
};

type StixObject = Record<string, any> & { type: string; id: string };
interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** RILON report ids of the report objects of a list of STIX objects. */
const rilonIdsOf = (objects: StixObject[]): string[] =>
  objects
    .filter((o) => o.type === 'report')
    .map((o) => o.external_references[0].external_id as string);

describe('TAXII 2.1 server (issue 9, items 3 to 5)', () => {
  let api: TestApi;
  let officer: TestUser;
  let lead: TestUser;
  let otherOfficer: TestUser;
  let otherLead: TestUser;
  let teamA: { id: string };
  let teamB: { id: string };
  let key: { id: string; secret: string };
  let otherKey: { id: string; secret: string };
  const ids: Record<string, string> = {};
  /** Every envelope received with objects: all validate against the OASIS schemas at the end. */
  const envelopes: StixObject[][] = [];

  const basic = (k: { id: string; secret: string }) =>
    `Basic ${Buffer.from(`${k.id}:${k.secret}`).toString('base64')}`;

  /** A TAXII request as a client makes it: the URL as the server gave it, TAXII's Accept. */
  const taxii = async (
    path: string,
    options: { auth?: string | null; accept?: string } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { accept: options.accept ?? TAXII };
    const auth = options.auth === undefined ? basic(key) : options.auth;
    if (auth) headers.authorization = auth;
    const url = path.startsWith('http') ? path : `${api.baseUrl}${path}`;
    const res = await fetch(url, { headers });
    const text = await res.text();
    const body = text ? JSON.parse(text) : null;
    if (res.status === 200 && Array.isArray(body?.objects) && body.objects[0]?.spec_version)
      envelopes.push(body.objects);
    return { status: res.status, headers: res.headers, body };
  };

  /** Pages through objects the way taxii2-client's as_pages and OpenCTI do: limit, then next. */
  const walk = async (base: string, query: Record<string, string> = {}, auth?: string) => {
    const objects: StixObject[] = [];
    const pages: Answer[] = [];
    let next: string | undefined;
    for (let i = 0; i < 100; i++) {
      const params = new URLSearchParams({ ...query, ...(next ? { next } : {}) });
      const page = await taxii(`${base}objects/?${params.toString()}`, { auth });
      expect(page.status).toBe(200);
      pages.push(page);
      objects.push(...(page.body.objects ?? []));
      if (!page.body.more) return { objects, pages };
      next = page.body.next;
      expect(typeof next).toBe('string');
    }
    throw new Error('the collection never ended');
  };

  const collectionsPath = '/taxii2/rilon/collections/';
  let networkBase: string;
  let teamBase: string;

  beforeAll(async () => {
    api = await startApi();
    const f = new Factory(api);
    [teamA, teamB] = await Promise.all([
      f.team('Team Jakarta TAXII'),
      f.team('Team Colombo TAXII'),
    ]);
    [officer, lead, otherOfficer, otherLead] = await Promise.all([
      f.user({ teams: [[teamA.id, 'officer']] }),
      f.user({ teams: [[teamA.id, 'lead']] }),
      f.user({ teams: [[teamB.id, 'officer']] }),
      f.user({ teams: [[teamB.id, 'lead']] }),
    ]);
    const issued = await api.post(
      `/teams/${teamA.id}/taxii-keys`,
      { label: 'OpenCTI Jakarta' },
      { token: lead.token },
    );
    expect(issued.status).toBe(201);
    key = { id: issued.body.id, secret: issued.body.secret };
    const other = await api.post(
      `/teams/${teamB.id}/taxii-keys`,
      { label: 'MISP Colombo' },
      { token: otherLead.token },
    );
    otherKey = { id: other.body.id, secret: other.body.secret };

    const a = (tlp: string, extra: Record<string, unknown> = {}) =>
      makeReport(api, officer, lead, envelope(teamA.id, 'visa_fraud_trend', { tlp, ...extra }));
    const b = (tlp: string, extra: Record<string, unknown> = {}) =>
      makeReport(
        api,
        otherOfficer,
        otherLead,
        envelope(teamB.id, 'modus_operandi', { tlp, ...extra }),
      );
    ids.clear = (await a('CLEAR')).id;
    ids.green = (await b('GREEN')).id;
    ids.amberA = (await a('AMBER', { distribution: { teamIds: [teamA.id] } })).id;
    ids.amberBtoA = (await b('AMBER', { distribution: { teamIds: [teamB.id, teamA.id] } })).id;
    ids.amberBOnly = (await b('AMBER', { distribution: { teamIds: [teamB.id] } })).id;
    ids.strict = (await a('AMBER+STRICT', { distribution: { teamIds: [teamA.id] } })).id;
    ids.red = (await a('RED', { distribution: { userIds: [lead.id] } })).id;
    ids.draft = (
      await makeReport(
        api,
        officer,
        lead,
        envelope(teamA.id, 'visa_fraud_trend', { tlp: 'GREEN' }),
        'draft',
      )
    ).id;
    ids.withdrawn = (
      await makeReport(
        api,
        officer,
        lead,
        envelope(teamA.id, 'visa_fraud_trend', { tlp: 'GREEN' }),
        'withdrawn',
      )
    ).id;
    ids.amended = (await a('CLEAR')).id;
    const amended = await api.patch(
      `/reports/${ids.amended}`,
      { title: 'Amended: counterfeit visas via Kuala Lumpur' },
      { token: lead.token },
    );
    expect(amended.status).toBe(200);

    const discovery = await taxii('/taxii2/');
    const collections = await taxii(collectionsPath);
    const path = (url: string) => new URL(url, api.baseUrl).pathname;
    expect(discovery.body.api_roots.map(path)).toEqual(['/taxii2/rilon/']);
    const byAlias = new Map<string, any>(
      collections.body.collections.map((c: any) => [c.alias, c]),
    );
    networkBase = `${collectionsPath}${byAlias.get('network').id}/`;
    teamBase = `${collectionsPath}${byAlias.get(`team-${teamA.id}`).id}/`;
  });

  afterAll(async () => {
    try {
      // Issue 9, item 5: every object served validates against the OASIS STIX 2.1 schemas.
      expect(envelopes.length).toBeGreaterThan(5);
      for (const objects of envelopes) expect(envelopeFaults(objects)).toEqual([]);
    } finally {
      await api?.close();
    }
  });

  it('answers discovery, the API root and the collections in TAXII’s media type', async () => {
    const discovery = await taxii('/taxii2/');
    expect(discovery.status).toBe(200);
    expect(discovery.headers.get('content-type')).toMatch(TAXII_ANSWER);
    expect(discovery.body).toMatchObject({
      title: expect.any(String),
      default: expect.stringMatching(/\/taxii2\/rilon\/$/),
    });
    const root = await taxii('/taxii2/rilon/');
    expect(root.body.versions).toEqual([TAXII]);
    const collections = await taxii(collectionsPath);
    expect(collections.status).toBe(200);
    const list = collections.body.collections;
    expect(list.map((c: any) => c.alias).sort()).toEqual(['network', `team-${teamA.id}`].sort());
    for (const c of list) {
      expect(c).toMatchObject({
        can_read: true,
        can_write: false,
        media_types: ['application/stix+json;version=2.1'],
      });
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const one = await taxii(teamBase);
    expect(one.status).toBe(200);
    expect(one.body.alias).toBe(`team-${teamA.id}`);
    // The same routes without the trailing slash, and Bearer <id>.<secret> as well as Basic.
    expect(
      (await taxii('/taxii2/rilon/collections', { auth: `Bearer ${key.id}.${key.secret}` })).status,
    ).toBe(200);
  });

  it('pages a team collection with limit and next: exactly the AMBER reports the team may read, dependencies first', async () => {
    const { objects, pages } = await walk(teamBase, { limit: '7' });
    expect(pages.length).toBeGreaterThan(3);
    expect(rilonIdsOf(objects).sort()).toEqual([ids.amberA, ids.amberBtoA].sort());
    const reports = objects.filter((o) => o.type === 'report');
    for (const r of reports) expect(r.object_marking_refs).toEqual([MARKING.AMBER]);
    // Every object once, and whatever a report names came before it.
    const seen = new Set<string>();
    for (const o of objects) {
      expect(seen.has(o.id)).toBe(false);
      if (o.type === 'report') {
        for (const ref of [
          ...(o.object_marking_refs ?? []),
          o.created_by_ref,
          ...Object.keys(o.extensions),
        ])
          expect(seen.has(ref)).toBe(true);
        for (const ref of o.object_refs.filter((r: string) => !r.startsWith('note--')))
          expect(seen.has(ref)).toBe(true);
      }
      seen.add(o.id);
    }
    expect(seen.has('extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d')).toBe(true);
    // date_added rises across the pages, and the headers say each page's first and last.
    let last = '';
    for (const page of pages) {
      const first = page.headers.get('x-taxii-date-added-first')!;
      const lastOfPage = page.headers.get('x-taxii-date-added-last')!;
      expect(first > last).toBe(true);
      expect(lastOfPage >= first).toBe(true);
      last = lastOfPage;
    }
  });

  it('pages the network collection: CLEAR and GREEN only, withdrawn as revoked, the amendment as its last version', async () => {
    const { objects } = await walk(networkBase, { limit: '50' });
    expect(rilonIdsOf(objects).sort()).toEqual(
      [ids.clear, ids.green, ids.withdrawn, ids.amended].sort(),
    );
    const report = (id: string) =>
      objects.find((o) => o.type === 'report' && o.external_references[0].external_id === id)!;
    expect(report(ids.withdrawn).revoked).toBe(true);
    expect(report(ids.amended).name).toBe('Amended: counterfeit visas via Kuala Lumpur');
    expect(report(ids.green).object_marking_refs).toEqual([MARKING.GREEN]);
    for (const tlp of [MARKING.CLEAR, MARKING.GREEN])
      expect(objects.some((o) => o.id === tlp)).toBe(true);
    expect(objects.some((o) => o.id === MARKING.AMBER)).toBe(false);
  });

  it('never serves AMBER+STRICT, RED, drafts or another team’s AMBER, whatever the filters', async () => {
    const forbidden = [ids.strict, ids.red, ids.draft, ids.amberBOnly];
    for (const base of [networkBase, teamBase]) {
      const all = await walk(base, { 'match[version]': 'all', limit: '200' });
      for (const id of forbidden) expect(rilonIdsOf(all.objects)).not.toContain(id);
      const asked = await taxii(
        `${base}objects/?match[id]=${forbidden.map((id) => stixIds.report(id)).join(',')}`,
      );
      expect(asked.status).toBe(200);
      expect(asked.body.objects).toBeUndefined();
      for (const id of forbidden)
        expect((await taxii(`${base}objects/${stixIds.report(id)}/`)).status).toBe(404);
    }
  });

  it('resumes by added_after from X-TAXII-Date-Added-Last, re-sending its filters with next (OpenCTI)', async () => {
    const first = await walk(teamBase, { 'match[type]': 'report', limit: '1' });
    expect(first.objects.every((o) => o.type === 'report')).toBe(true);
    expect(first.pages.length).toBe(2);
    const whole = await walk(teamBase, { limit: '100' });
    const since = whole.pages.at(-1)!.headers.get('x-taxii-date-added-last')!;
    expect((await taxii(`${teamBase}objects/?added_after=${since}`)).body.objects).toBeUndefined();
    const fresh = await makeReport(
      api,
      otherOfficer,
      otherLead,
      envelope(teamB.id, 'visa_fraud_trend', {
        tlp: 'AMBER',
        distribution: { teamIds: [teamA.id, teamB.id] },
      }),
    );
    const after = await walk(teamBase, { added_after: since, limit: '1' });
    expect(after.objects.map((o) => o.type).sort()).toEqual(['note', 'report']);
    expect(rilonIdsOf(after.objects)).toEqual([fresh.id]);
  });

  it('gives one object, its versions and the manifest; match[version] first, last, all', async () => {
    const id = stixIds.report(ids.amended);
    const versions = await taxii(`${networkBase}objects/${id}/versions/`);
    expect(versions.status).toBe(200);
    expect(versions.body.versions).toHaveLength(2);
    const [v1, v2] = versions.body.versions as string[];
    expect(v2 > v1).toBe(true);
    const last = await taxii(`${networkBase}objects/${id}/`);
    expect(last.body.objects.map((o: StixObject) => o.modified)).toEqual([v2]);
    const firstV = await taxii(`${networkBase}objects/${id}/?match[version]=first`);
    expect(firstV.body.objects[0]).toMatchObject({
      modified: v1,
      name: expect.not.stringMatching(/^Amended/),
    });
    const all = await taxii(`${networkBase}objects/${id}/?match[version]=all`);
    expect(all.body.objects.map((o: StixObject) => o.modified)).toEqual([v1, v2]);
    const exact = await taxii(`${networkBase}objects/?match[id]=${id}&match[version]=${v1}`);
    expect(exact.body.objects.map((o: StixObject) => o.modified)).toEqual([v1]);
    const manifest = await taxii(`${networkBase}manifest/?match[type]=report`);
    expect(manifest.status).toBe(200);
    expect(manifest.body.objects.find((m: any) => m.id === id)).toMatchObject({
      version: v2,
      media_type: 'application/stix+json;version=2.1',
      date_added: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    });
    expect(
      (await taxii(`${networkBase}objects/?match[spec_version]=2.0`)).body.objects,
    ).toBeUndefined();
    expect(
      (await taxii(`${networkBase}objects/?match[type]=indicator`)).body.objects,
    ).toBeUndefined();
  });

  it('refuses without a valid key (401), another team’s collection (404), a wrong Accept (406), bad filters (400), as TAXII errors', async () => {
    const errorOf = (a: Answer, status: number) => {
      expect(a.status).toBe(status);
      expect(a.headers.get('content-type')).toMatch(TAXII_ANSWER);
      expect(a.body).toMatchObject({ title: expect.any(String), http_status: String(status) });
    };
    errorOf(await taxii(collectionsPath, { auth: null }), 401);
    expect((await taxii(collectionsPath, { auth: null })).headers.get('www-authenticate')).toMatch(
      /^Basic /,
    );
    errorOf(
      await taxii(collectionsPath, { auth: basic({ ...key, secret: `${key.secret}x` }) }),
      401,
    );
    errorOf(await taxii(collectionsPath, { auth: `Bearer ${lead.token}` }), 401);
    errorOf(await taxii(collectionsPath, { auth: 'Basic !!!' }), 401);
    const otherTeams = `${collectionsPath}${uuidV5(`collection:team:${teamB.id}`, RILON_STIX_NAMESPACE)}/`;
    errorOf(await taxii(otherTeams), 404);
    errorOf(await taxii(`${otherTeams}objects/`), 404);
    errorOf(await taxii(`${collectionsPath}team-${teamB.id}/objects/`), 404);
    // Team B's key reads its own collection, not A's.
    expect((await taxii(`${otherTeams}objects/`, { auth: basic(otherKey) })).status).toBe(200);
    errorOf(await taxii(`${teamBase}objects/`, { auth: basic(otherKey) }), 404);
    errorOf(await taxii(collectionsPath, { accept: 'application/json' }), 406);
    errorOf(
      await taxii(`${teamBase}objects/`, { accept: 'application/taxii+json;version=2.0' }),
      406,
    );
    errorOf(await taxii(`${teamBase}objects/?added_after=yesterday`), 400);
    errorOf(await taxii(`${teamBase}objects/?next=forged`), 400);
    errorOf(await taxii(`${teamBase}objects/?match[id]=report--nope`), 400);
    errorOf(await taxii(`${teamBase}objects/not-a-stix-id/`), 404);
  });

  it('audits every page as an export with the reports on it, and never the secret', async () => {
    await taxii(`${teamBase}objects/?match[type]=report`);
    const rows: Array<{
      action: string;
      target_id: string;
      details: any;
      actor_id: string | null;
    }> = await api.db.query(
      `SELECT action, target_id, details, actor_id FROM audit_events WHERE action = 'taxii.export' ORDER BY seq`,
    );
    expect(rows.length).toBeGreaterThan(5);
    const page = rows.at(-1)!;
    expect(page).toMatchObject({ target_id: key.id, actor_id: null });
    expect(page.details).toMatchObject({
      teamId: teamA.id,
      collection: `team-${teamA.id}`,
      endpoint: 'objects',
    });
    expect(page.details.reports).toEqual(expect.arrayContaining([ids.amberA, ids.amberBtoA]));
    const all = JSON.stringify(await api.db.query(`SELECT details FROM audit_events`));
    expect(all).not.toContain(key.secret);
  });

  it('a revoked key gets 401 at once', async () => {
    const spare = await api.post(
      `/teams/${teamA.id}/taxii-keys`,
      { label: 'spare' },
      { token: lead.token },
    );
    const spareKey = { id: spare.body.id, secret: spare.body.secret };
    expect((await taxii(collectionsPath, { auth: basic(spareKey) })).status).toBe(200);
    expect(
      (await api.delete(`/teams/${teamA.id}/taxii-keys/${spareKey.id}`, { token: lead.token }))
        .status,
    ).toBe(204);
    expect((await taxii(collectionsPath, { auth: basic(spareKey) })).status).toBe(401);
  });

  it('stamps date_added in commit order, not in the order rows were written', async () => {
    const first = new Client({ connectionString: api.database.runtimeUrl });
    const second = new Client({ connectionString: api.database.runtimeUrl });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const insertTeam = (c: Client, name: string) =>
        c.query(
          `INSERT INTO teams (id, name, capital_id)
           SELECT gen_random_uuid(), $1, capital_id FROM teams WHERE id = $2 RETURNING id`,
          [name, teamA.id],
        );
      await first.query('BEGIN');
      const early = (await insertTeam(first, 'Team written first')).rows[0].id;
      await second.query('BEGIN');
      const late = (await insertTeam(second, 'Team written second')).rows[0].id;
      await second.query('COMMIT');
      await first.query('COMMIT');
      const rows: Array<{ team_id: string; seq: string; date_added: Date }> = await api.db.query(
        `SELECT team_id, seq, date_added FROM taxii_objects WHERE team_id = ANY($1::uuid[])`,
        [[early, late]],
      );
      const row = (id: string) => rows.find((r) => r.team_id === id)!;
      expect(BigInt(row(early).seq)).toBeLessThan(BigInt(row(late).seq));
      expect(row(early).date_added.getTime()).toBeGreaterThanOrEqual(
        row(late).date_added.getTime(),
      );
      const [{ later }] = await api.db.query(
        `SELECT (SELECT date_added FROM taxii_objects WHERE team_id = $1) > (SELECT date_added FROM taxii_objects WHERE team_id = $2) AS later`,
        [early, late],
      );
      expect(later).toBe(true);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it('makes the same STIX ids in SQL as the mapping does', async () => {
    const [{ id }] = await api.db.query(`SELECT rilon_stix_uuid('report:' || $1) AS id`, [
      ids.clear,
    ]);
    expect(`report--${id}`).toBe(stixIds.report(ids.clear));
  });
});
