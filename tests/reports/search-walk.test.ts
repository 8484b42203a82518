import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { envelope, makeReport } from './report-fixtures';

jest.setTimeout(90000);

/**
 * Search walks the newest readable rows first and turns to the search index only when that
 * walk leaves the page short (ReportsRepository.search; docs/architecture.md, "Lists at
 * scale"). Which statements run must rest only on what the caller may read, else a caller
 * learns from their timing that reports they cannot see mention a term; and a page must be
 * exact on both sides of where the walk stops.
 */
describe('GET /reports?q: the bounded walk and the search index', () => {
  let api: TestApi;
  let cast: Cast;
  let readable: string;

  /** The ids a search answers and the statements it ran (walk, then hits if any). */
  async function search(
    token: string,
    query = 'q=zephyrine',
  ): Promise<{ ids: string[]; statements: string[]; nextCursor: string | null }> {
    const spy = jest.spyOn(api.db.manager, 'query');
    try {
      const res = await api.get(`/reports?${query}`, { token });
      expect(res.status).toBe(200);
      const statements = spy.mock.calls
        .map(([sql]) => sql)
        .filter((sql) => sql.includes('"sortKey"'))
        .map((sql) =>
          sql.includes('WITH walk') ? 'walk' : sql.includes('WITH hits') ? 'hits' : sql,
        );
      return {
        ids: res.body.items.map((i: { id: string }) => i.id),
        statements,
        nextCursor: res.body.nextCursor,
      };
    } finally {
      spy.mockRestore();
    }
  }

  /** `n` published copies of report `id`, each `step` seconds after the one before. */
  async function copies(id: string, n: number, title: string, startSql: string): Promise<void> {
    await api.db.query(
      `INSERT INTO reports (id, type, team_id, author_id, title, summary, tlp, distribution_team_ids,
         recipient_user_ids, urgent, body, countries, status, published_at)
       SELECT gen_random_uuid(), type, team_id, author_id, $2, summary, tlp,
         distribution_team_ids, recipient_user_ids, urgent, body, countries, status,
         ${startSql} + g * interval '1 second'
       FROM reports, generate_series(1, $3::int) g WHERE id = $1`,
      [id, title, n],
    );
  }

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    readable = (
      await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', { title: 'Zephyrine laminate forgeries' }),
      )
    ).id;
  });
  afterAll(() => api.close());

  it('runs the same statements with or without 2,000 unreadable reports holding the term', async () => {
    const before = await search(cast.otherOfficer.token);
    expect(before.ids).toEqual([readable]);
    expect(before.statements).toEqual(['walk']);

    // 2,000 published AMBER reports of team A, for team A only: Officer B may read none.
    const amber = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'modus_operandi', {
        tlp: 'AMBER',
        title: 'Zephyrine embarkations at night',
      }),
    );
    await copies(amber.id, 2000, 'Zephyrine embarkations at night', 'now()');

    expect(await search(cast.otherOfficer.token)).toEqual(before);
    // Team A reads them all: for its members the term is common and the walk fills the page.
    const teamA = await search(cast.officer.token);
    expect(teamA.statements).toEqual(['walk']);
    expect(teamA.ids).toHaveLength(50);
  });

  it('finds the hits older than the walk, in order, and pages on across the edge', async () => {
    // Three old hits, then 2,100 newer readable reports without the term: more than the walk.
    const old = [];
    for (const n of [1, 2, 3]) {
      const r = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', { title: `Quillwort stamp forgeries ${n}` }),
      );
      await api.db.query(
        `UPDATE reports SET published_at = now() - interval '30 days' + $2 * interval '1 hour' WHERE id = $1`,
        [r.id, n],
      );
      old.push(r.id);
    }
    const green = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', { title: 'Plain biodata page report' }),
    );
    await copies(green.id, 2100, 'Plain biodata page report', `now() - interval '10 days'`);

    const all = await search(cast.otherOfficer.token, 'q=quillwort');
    expect(all.statements).toEqual(['walk', 'hits']);
    expect(all.ids).toEqual([...old].reverse());

    const first = await search(cast.otherOfficer.token, 'q=quillwort&limit=2');
    expect(first.ids).toEqual([old[2], old[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(
      cast.otherOfficer.token,
      `q=quillwort&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.ids).toEqual([old[0]]);
    expect(second.nextCursor).toBeNull();
  });
});
