import type { Actor, TeamRole } from '@rilon/core';
import {
  actorViewer,
  canReadSql,
  redReaderCandidatesSql,
  type ReportStatus,
  type ViewerSql,
} from '@rilon/reports';
import { Client } from 'pg';
import { ReportsRepository } from '../../libs/reports/src/reports.repository';
import { createTestDatabase, TestDatabase } from '../support/harness';

jest.setTimeout(120_000);

const id = (kind: number, n: number) =>
  `00000000-0000-4000-800${kind}-${String(n).padStart(12, '0')}`;
const VIEWER = id(2, 1);
const USERS = [VIEWER, id(2, 2)];
const TEAMS = [id(1, 1), id(1, 2), id(1, 3)];
const STATUSES: ReportStatus[] = ['draft', 'submitted', 'published', 'withdrawn'];

/**
 * Every RED row over two users (the viewer and someone else) and three teams: each author,
 * each authoring team, each subset of teams as distribution, each subset of users as
 * recipients, each status. 768 rows, through the real table's constraints and triggers.
 */
const LOAD: Array<[string, unknown[]]> = [
  [
    `INSERT INTO capitals (id, name, country_code, timezone)
     VALUES ('${id(0, 1)}', 'Candidates Capital', 'THA', 'Asia/Bangkok')`,
    [],
  ],
  [
    `INSERT INTO teams (id, name, capital_id)
     SELECT t, 'Candidates team ' || i, '${id(0, 1)}' FROM unnest($1::uuid[]) WITH ORDINALITY x(t, i)`,
    [TEAMS],
  ],
  [
    `INSERT INTO users (id, email, display_name, member_code, status)
     SELECT u, 'candidates' || i || '@rilon.test', 'Candidates ' || i, 'THA', 'active'
     FROM unnest($1::uuid[]) WITH ORDINALITY x(u, i)`,
    [USERS],
  ],
  [
    `INSERT INTO reports (id, type, team_id, author_id, title, tlp, distribution_team_ids,
       recipient_user_ids, body, status, published_at, withdrawn_at)
     SELECT gen_random_uuid(), 'visa_fraud_trend', t, a, 'A RED report', 'RED',
       ARRAY(SELECT x FROM unnest($1::uuid[]) WITH ORDINALITY y(x, i) WHERE d & (1 << (i::int - 1)) <> 0),
       ARRAY(SELECT x FROM unnest($2::uuid[]) WITH ORDINALITY y(x, i) WHERE n & (1 << (i::int - 1)) <> 0),
       '{}', s, CASE WHEN s IN ('published', 'withdrawn') THEN now() END,
       CASE WHEN s = 'withdrawn' THEN now() END
     FROM unnest($2::uuid[]) a CROSS JOIN unnest($1::uuid[]) t CROSS JOIN generate_series(0, 7) d
       CROSS JOIN generate_series(0, 3) n CROSS JOIN unnest($3::varchar[]) s`,
    [TEAMS, USERS, STATUSES],
  ],
];

/** The viewer with every role or none in each of the three teams: 4^3 viewers. */
function viewers(): Actor[] {
  const roles: Array<TeamRole | null> = [null, 'lead', 'officer', 'observer'];
  const choices = TEAMS.reduce<Array<Array<TeamRole | null>>>(
    (sets, _team) => sets.flatMap((set) => roles.map((role) => [...set, role])),
    [[]],
  );
  return choices.map((set) => ({
    userId: VIEWER,
    sessionId: 'candidates',
    email: 'candidates1@rilon.test',
    displayName: 'Candidates 1',
    memberCode: 'THA',
    globalRole: null,
    teams: set.flatMap((role, i) => (role ? [{ teamId: TEAMS[i], role }] : [])),
  }));
}

type Rule = (r: string, v: ViewerSql) => string;

/**
 * `redReaderCandidatesSql` is an access path, never a gate: a RED list ANDs it with THE
 * visibility rule, so it must hold wherever the rule lets a viewer read a RED row, or that
 * row silently drops out of the list. This ties the two together on every combination of
 * author, team role, distribution and recipients: if the rule ever lets more viewers read
 * RED, this fails until the candidates condition finds them too.
 */
describe('the RED candidates condition is implied by the visibility rule', () => {
  let database: TestDatabase;
  let db: Client;
  const repository = new ReportsRepository();
  const actors = viewers();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    for (const [statement, params] of LOAD) await db.query(statement, params);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM reports WHERE tlp = 'RED'`);
    expect(rows[0].n).toBe(2 * 3 * 8 * 4 * 4);
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  /** For each viewer, the RED rows `rule` lets them read, and those the candidates miss. */
  const check = async (rule: Rule) => {
    const results: Array<{ teams: Actor['teams']; readable: number; missed: number }> = [];
    for (const actor of actors) {
      const { viewer, params } = actorViewer(actor, 1);
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE (${rule('r', viewer)}) IS TRUE)::int AS readable,
           count(*) FILTER (WHERE (${rule('r', viewer)}) IS TRUE
             AND (${redReaderCandidatesSql('r', viewer)}) IS NOT TRUE)::int AS missed
         FROM reports r WHERE r.tlp = 'RED'`,
        params,
      );
      results.push({ teams: actor.teams, ...(rows[0] as { readable: number; missed: number }) });
    }
    return results;
  };

  it('finds every RED row the rule lets any viewer read', async () => {
    const results = await check(canReadSql);
    expect(results.filter((r) => r.missed > 0)).toEqual([]);
    // Not vacuous: the viewer reads their own rows, and a lead or a recipient reads more.
    expect(new Set(results.map((r) => r.readable)).size).toBeGreaterThan(1);
  });

  // The table is rich enough to notice a widening the candidates do not follow.
  const widenings: Array<[string, Rule]> = [
    [
      'RED to the members of its distribution teams',
      (r, v) =>
        `(${canReadSql(r, v)} OR (${r}.tlp = 'RED' AND ${r}.status IN ('published', 'withdrawn')
          AND ${r}.distribution_team_ids && ${v.teamIds}))`,
    ],
    [
      'RED to every member of the authoring team',
      (r, v) => `(${canReadSql(r, v)} OR (${r}.tlp = 'RED' AND ${r}.team_id = ANY(${v.teamIds})))`,
    ],
  ];
  it.each(widenings)('would fail if the rule widened %s alone', async (_name, widened) => {
    const results = await check(widened);
    expect(results.some((r) => r.missed > 0)).toBe(true);
  });

  it("gives each viewer's RED list exactly the rows the rule alone gives", async () => {
    for (const actor of actors)
      for (const status of STATUSES) {
        const { sql, params } = repository.listSql(actor, { status, tlp: 'RED', limit: 1000 });
        expect(sql).toContain(redReaderCandidatesSql('r', actorViewer(actor, 1).viewer));
        const listed = (await db.query(sql, params)).rows.map((row: { id: string }) => row.id);
        const { viewer, params: own } = actorViewer(actor, 1);
        const { rows } = await db.query(
          `SELECT r.id FROM reports r
            WHERE ${canReadSql('r', viewer)} AND r.status = $4 AND r.tlp = 'RED'`,
          [...own, status],
        );
        expect({ status, teams: actor.teams, ids: [...listed].sort() }).toEqual({
          status,
          teams: actor.teams,
          ids: rows.map((row: { id: string }) => row.id).sort(),
        });
      }
  });
});
