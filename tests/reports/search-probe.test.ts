import { createCast, Factory, type Cast } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { envelope, makeReport } from './report-fixtures';

jest.setTimeout(90000);

/**
 * Whether a search term is "rare" picks the query plan (collect the hits first, or walk the
 * date order). The choice must rest only on what the caller may read: else a caller learns,
 * from the plan's timing, that reports they cannot see mention a term.
 */
describe('GET /reports?q: the rare-term probe sees only what the caller may read', () => {
  let api: TestApi;
  let cast: Cast;
  let readable: string;

  /** The ids the search answers, and whether its page query collected the hits first. */
  async function search(token: string): Promise<{ ids: string[]; hitsFirst: boolean }> {
    const spy = jest.spyOn(api.db.manager, 'query');
    try {
      const res = await api.get('/reports?q=zephyrine', { token });
      expect(res.status).toBe(200);
      const page = spy.mock.calls.map(([sql]) => sql).filter((sql) => sql.includes('"sortKey"'));
      expect(page).toHaveLength(1);
      return {
        ids: res.body.items.map((i: { id: string }) => i.id),
        hitsFirst: page[0].startsWith('WITH hits'),
      };
    } finally {
      spy.mockRestore();
    }
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

  it('answers and plans alike with or without 2,000 unreadable reports holding the term', async () => {
    const before = await search(cast.otherOfficer.token);
    expect(before).toEqual({ ids: [readable], hitsFirst: true });

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
    await api.db.query(
      `INSERT INTO reports (id, type, team_id, author_id, title, summary, tlp, distribution_team_ids,
         recipient_user_ids, urgent, body, countries, status, published_at)
       SELECT gen_random_uuid(), type, team_id, author_id, title, summary, tlp,
         distribution_team_ids, recipient_user_ids, urgent, body, countries, status, published_at
       FROM reports, generate_series(1, 2000) WHERE id = $1`,
      [amber.id],
    );

    expect(await search(cast.otherOfficer.token)).toEqual(before);
    // Team A reads them all: for its members the term is common.
    const teamA = await search(cast.officer.token);
    expect(teamA.hitsFirst).toBe(false);
    expect(teamA.ids).toHaveLength(50);
  });
});
