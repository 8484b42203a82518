import { randomUUID } from 'node:crypto';

/**
 * The network the fan-out and streams benchmarks publish into: one capital (Bangkok), 12
 * teams, and in the first team an author (officer) and a lead who publishes. `db` is a
 * connected pg client of the throwaway database's owner; answers the first team's id and the
 * two users' ids.
 */
export async function seedPublishingTeam(db) {
  const capital = randomUUID();
  await db.query(
    `INSERT INTO capitals (id, name, country_code, timezone) VALUES ($1, 'Bangkok', 'THA', 'Asia/Bangkok')`,
    [capital],
  );
  await db.query(
    `INSERT INTO teams (id, name, capital_id) SELECT gen_random_uuid(), 'Team ' || g, $1 FROM generate_series(1, 12) g`,
    [capital],
  );
  const [team] = (await db.query(`SELECT id FROM teams ORDER BY name LIMIT 1`)).rows;
  const author = randomUUID();
  const lead = randomUUID();
  await db.query(
    `INSERT INTO users (id, email, display_name, member_code) VALUES ($1, 'author@bench.test', 'Author', 'THA'), ($2, 'lead@bench.test', 'Lead', 'THA')`,
    [author, lead],
  );
  await db.query(
    `INSERT INTO team_memberships (team_id, user_id, role) VALUES ($1, $2, 'officer'), ($1, $3, 'lead')`,
    [team.id, author, lead],
  );
  return { teamId: team.id, author, lead };
}
