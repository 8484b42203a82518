// THE visibility rule and its viewers, with no imports: the migrations that build SQL from it
// (statistics rollups) load this file alone. `visibility.ts` adds the request's viewer.

/**
 * SQL expressions that describe who is looking: a user id (uuid), the ids of the
 * teams they belong to (uuid[]) and of the teams they lead (uuid[]). For an API
 * request they are bind parameters; for the fan-out they are columns of a join over
 * every user; for a team webhook they describe "a member of that team".
 */
export interface ViewerSql {
  userId: string;
  teamIds: string;
  leadTeamIds: string;
}

/**
 * THE visibility rule (docs/domain.md, "Handling under TLP 2.0"; how it is built: docs/architecture.md, "The visibility rule"), the only copy there is. `r` is the alias
 * of a `reports` row. Before publication: the author and the authoring team's leads.
 * Published or withdrawn: CLEAR and GREEN to everyone; AMBER and AMBER+STRICT to the
 * members of the distribution teams (the authoring team is always among them); RED to
 * the named recipients. The author and the authoring team's leads always keep access.
 * Reads, lists, search, statistics, fan-out and webhooks all call this.
 */
export function canReadSql(r: string, v: ViewerSql): string {
  return `(
    ${r}.author_id = ${v.userId}
    OR ${r}.team_id = ANY(${v.leadTeamIds})
    OR (${r}.status IN ('published', 'withdrawn') AND (
         ${r}.tlp IN ('CLEAR', 'GREEN')
      OR (${r}.tlp IN ('AMBER', 'AMBER+STRICT') AND ${r}.distribution_team_ids && ${v.teamIds})
      OR (${r}.tlp = 'RED' AND ${v.userId} = ANY(${r}.recipient_user_ids))
    ))
  )`;
}

/**
 * Who can be among the readers of a RED report, as indexes can find them: its author, the
 * leads of its team, its named recipients (`@>`, which the GIN index serves, where the rule's
 * `= ANY` cannot). Implied by {@link canReadSql} for every RED row, and never a gate of its
 * own: a RED list ANDs it with the rule so that the few rows a viewer may read are found by
 * index instead of testing every RED report (docs/architecture.md, "Lists at scale").
 */
export function redReaderCandidatesSql(r: string, v: ViewerSql): string {
  return `(${r}.author_id = ${v.userId} OR ${r}.team_id = ANY(${v.leadTeamIds})
    OR ${r}.recipient_user_ids @> ARRAY[${v.userId}])`;
}

/**
 * The viewer "any member of team $n" (no personal grants), for team webhooks: what the
 * team's members may read as members of that team, never RED.
 */
export function teamViewer(teamParam: number): ViewerSql {
  return teamColumnViewer(`$${teamParam}::uuid`);
}

/** As `teamViewer`, for a team id that is an SQL expression (a column of a join). */
export function teamColumnViewer(teamIdSql: string): ViewerSql {
  return {
    userId: 'NULL::uuid',
    teamIds: `ARRAY[${teamIdSql}]::uuid[]`,
    leadTeamIds: `'{}'::uuid[]`,
  };
}

/**
 * The viewer "nobody in particular": no user, no team, no lead team. What it may read,
 * every caller may read; the statistics rollups hold exactly those reports' observations
 * (docs/architecture.md, "Statistics rollups"). The rule compares with a NULL user, so
 * test it with `IS TRUE`.
 */
export const publicViewer: ViewerSql = {
  userId: 'NULL::uuid',
  teamIds: `'{}'::uuid[]`,
  leadTeamIds: `'{}'::uuid[]`,
};
