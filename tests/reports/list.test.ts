import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { BODIES, envelope, makeReport } from './report-fixtures';

jest.setTimeout(60000);

describe('GET /reports filters, search and pages', () => {
  let api: TestApi;
  let cast: Cast;
  const ids: Record<string, string> = {};
  const get = (query: string, token = cast.otherOfficer.token) =>
    api.get(`/reports${query}`, { token });
  const idsOf = (res: { body: { items: Array<{ id: string }> } }) =>
    res.body.items.map((i) => i.id);

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    const mk = (
      key: string,
      payload: Record<string, unknown>,
      status: 'draft' | 'published' = 'published',
    ) => makeReport(api, cast.officer, cast.lead, payload, status).then((r) => (ids[key] = r.id));
    await mk('vft', envelope(cast.teamA.id, 'visa_fraud_trend', { urgent: true }));
    await mk(
      'mo',
      envelope(cast.teamA.id, 'modus_operandi', {
        tlp: 'AMBER+STRICT',
        distribution: { teamIds: [cast.teamB.id] },
        title: 'Night embarkations on fishing vessels',
      }),
    );
    await mk(
      'stats',
      envelope(cast.teamA.id, 'migration_statistics', {
        tlp: 'CLEAR',
        body: BODIES.migration_statistics('2026-04', 'LKA'),
      }),
    );
    await mk(
      'offer',
      envelope(cast.teamA.id, 'training_offer', { title: 'Document examination course' }),
    );
    await mk(
      'draft',
      envelope(cast.teamA.id, 'modus_operandi', { title: 'Unfinished embarkations draft' }),
      'draft',
    );
  });
  afterAll(() => api.close());

  it('lists published reports by default, newest first, without body', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([ids.offer, ids.stats, ids.mo, ids.vft]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[0].body).toBeUndefined();
    expect(res.body.items[2].distribution).toEqual({ teamIds: [cast.teamA.id, cast.teamB.id] });
  });

  it.each([
    ['?type=modus_operandi', ['mo']],
    ['?country=LKA', ['stats', 'vft']],
    ['?country=XXA', ['stats', 'vft']],
    ['?country=MMR', ['mo']],
    ['?tlp=AMBER%2BSTRICT', ['mo']],
    ['?tlp=AMBER+STRICT', ['mo']],
    ['?tlp=CLEAR', ['stats']],
    ['?urgent=true', ['vft']],
    ['?urgent=false', ['offer', 'stats', 'mo']],
    ['?q=fishing', ['mo']],
    ['?q=embarkations', ['mo']],
    ['?q=counterfeit', []],
    ['?q=forgery', ['vft']],
    ['?q="document examination"', ['offer']],
    ['?q=biodata -forged', ['offer', 'mo']],
    ['?status=draft', []],
    ['?type=training_offer&country=THA&urgent=false', ['offer']],
  ])('%s', async (query, keys) => {
    const res = await get(query);
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual(keys.map((k) => ids[k]));
  });

  it('lists drafts only to those who may read them', async () => {
    expect(idsOf(await get('?status=draft', cast.officer.token))).toEqual([ids.draft]);
    expect(idsOf(await get('?status=draft', cast.lead.token))).toEqual([ids.draft]);
    expect(idsOf(await get('?status=draft', cast.observer.token))).toEqual([]);
    expect(idsOf(await get('?q=unfinished&status=draft', cast.otherLead.token))).toEqual([]);
  });

  it('filters by publication date, inclusive', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(idsOf(await get(`?from=${today}&to=${today}`))).toHaveLength(4);
    expect(idsOf(await get(`?to=2020-01-01`))).toEqual([]);
    expect(idsOf(await get(`?from=2099-01-01`))).toEqual([]);
  });

  it('pages with a keyset cursor, never repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: {
        status: number;
        body: { items: Array<{ id: string }>; nextCursor: string | null };
      } = await get(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...idsOf(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.offer, ids.stats, ids.mo, ids.vft]);
  });

  it.each([
    ['?urgent=yes', 'urgent'],
    ['?urgent=1', 'urgent'],
    ['?status=deleted', 'status'],
    ['?tlp=WHITE', 'tlp'],
    ['?country=Thailand', 'country'],
    ['?teamId=abc', 'teamId'],
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?cursor=garbage', 'cursor'],
    ['?from=2026-02-30', 'from'],
    ['?to=yesterday', 'to'],
    [`?q=${'x'.repeat(201)}`, 'q'],
    ['?sort=title', 'sort'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('needs a sign-in', async () => {
    expect((await api.get('/reports')).status).toBe(401);
    expect((await api.get('/reports', { token: cast.suspended.token })).status).toBe(401);
  });

  it('gives admins and auditors no content by role', async () => {
    for (const u of [cast.admin, cast.auditor]) {
      expect(idsOf(await get('', u.token))).toEqual([ids.offer, ids.stats, ids.vft]);
      expect((await api.get(`/reports/${ids.mo}`, { token: u.token })).status).toBe(404);
    }
  });
});
