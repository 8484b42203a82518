import { Injectable } from '@nestjs/common';
import { Actor, toInt } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import type { ReportFilters } from './report-filters';
import type { ReportRow, ReportVersionView } from './report.view';
import { actorViewer, canReadSql, redReaderCandidatesSql, type ViewerSql } from './visibility';

/** Envelope columns of `reports r`, named as ReportRow names them. */
const ENVELOPE = `r.id, r.type, r.team_id AS "teamId", r.author_id AS "authorId", r.title, r.summary,
  r.tlp, r.distribution_team_ids AS "distributionTeamIds", r.recipient_user_ids AS "recipientUserIds",
  r.urgent, r.source_reliability AS "sourceReliability",
  r.information_credibility AS "informationCredibility", r.countries, r.status, r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.submitted_at AS "submittedAt",
  r.published_at AS "publishedAt", r.withdrawn_at AS "withdrawnAt",
  r.withdrawal_reason AS "withdrawalReason", r.return_comment AS "returnComment"`;

/** The writable content of a report (what PATCH may change, and what POST sets). */
export interface ReportContent {
  title: string;
  summary: string;
  tlp: string;
  distributionTeamIds: string[];
  recipientUserIds: string[];
  urgent: boolean;
  sourceReliability: string;
  informationCredibility: string;
  body: Record<string, unknown>;
  countries: string[];
}

/**
 * The only code that builds SQL for reports. Raw SQL on purpose: the visibility rule is a SQL
 * predicate over uuid arrays, search is a tsvector, and transitions lock rows; an ORM layer
 * would only hide those.
 */
@Injectable()
export class ReportsRepository {
  /** The row, locked for a transition, and whether `actor` may read it. */
  async lockForActor(
    manager: EntityManager,
    id: string,
    actor: Actor,
  ): Promise<{ row: ReportRow; canRead: boolean } | null> {
    const { viewer, params } = actorViewer(actor, 2);
    const rows: Array<ReportRow & { canRead: boolean }> = await manager.query(
      `SELECT ${ENVELOPE}, r.body, ${canReadSql('r', viewer)} AS "canRead"
         FROM reports r WHERE r.id = $1 FOR UPDATE`,
      [id, ...params],
    );
    if (rows.length === 0) return null;
    const { canRead, ...row } = rows[0];
    return { row, canRead };
  }

  /** The whole report, for the writer that just changed it (no visibility: it holds the lock). */
  async findById(manager: EntityManager, id: string): Promise<ReportRow | null> {
    const rows: ReportRow[] = await manager.query(
      `SELECT ${ENVELOPE}, r.body FROM reports r WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The whole report when `actor` may read it, else null. */
  async findVisible(manager: EntityManager, id: string, actor: Actor): Promise<ReportRow | null> {
    const { viewer, params } = actorViewer(actor, 2);
    const rows: ReportRow[] = await manager.query(
      `SELECT ${ENVELOPE}, r.body FROM reports r WHERE r.id = $1 AND ${canReadSql('r', viewer)}`,
      [id, ...params],
    );
    return rows[0] ?? null;
  }

  /** Inserts a draft and answers it as written (RETURNING: no second read). */
  /**
   * A new report, answered from RETURNING. `alongside`, numbered from the parameter it is
   * given, is written in the same statement (a data-modifying CTE): the report and, say, its
   * audit row commit together in one round trip, with or without a transaction around them.
   */
  async insert(
    manager: EntityManager,
    report: { id: string; type: string; teamId: string; authorId: string } & ReportContent,
    alongside?: (first: number) => { sql: string; params: unknown[] },
  ): Promise<ReportRow> {
    const params = [
      report.id,
      report.type,
      report.teamId,
      report.authorId,
      ...contentParams(report),
    ];
    const insert = `INSERT INTO reports AS r (id, type, team_id, author_id, title, summary, tlp, distribution_team_ids,
         recipient_user_ids, urgent, source_reliability, information_credibility, body, countries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9::uuid[], $10, $11, $12, $13::jsonb, $14::varchar[])
       RETURNING ${ENVELOPE}, r.body`;
    if (!alongside) {
      const rows: ReportRow[] = await manager.query(insert, params);
      return rows[0];
    }
    const also = alongside(params.length + 1);
    // A data-modifying CTE runs whether or not the outer query reads it.
    const rows: ReportRow[] = await manager.query(
      `WITH created AS (${insert}), alongside AS (${also.sql}) SELECT * FROM created`,
      [...params, ...also.params],
    );
    return rows[0];
  }

  /** Replaces the content; `bumpVersion` for an amendment of a published report. */
  async updateContent(
    manager: EntityManager,
    id: string,
    content: ReportContent,
    bumpVersion: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE reports SET title = $2, summary = $3, tlp = $4, distribution_team_ids = $5::uuid[],
         recipient_user_ids = $6::uuid[], urgent = $7, source_reliability = $8,
         information_credibility = $9, body = $10::jsonb, countries = $11::varchar[],
         version = version + $12, updated_at = now()
       WHERE id = $1`,
      [id, ...contentParams(content), bumpVersion ? 1 : 0],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: 'draft' | 'submitted' | 'published' | 'withdrawn',
    text: string | null = null,
  ): Promise<void> {
    const extra = {
      draft: `, return_comment = $2`,
      submitted: `, submitted_at = now(), return_comment = NULL`,
      published: `, published_at = coalesce(published_at, now()), return_comment = NULL`,
      withdrawn: `, withdrawn_at = now(), withdrawal_reason = $2`,
    }[status];
    const params: unknown[] = [id];
    if (status === 'draft' || status === 'withdrawn') params.push(text);
    await manager.query(
      `UPDATE reports SET status = '${status}', updated_at = now()${extra} WHERE id = $1`,
      params,
    );
  }

  /** Snapshots the report's current content as its current version (published history). */
  async insertVersion(manager: EntityManager, id: string, createdBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO report_versions (report_id, version, title, summary, tlp, distribution, urgent,
         source_reliability, information_credibility, body, countries, created_by)
       SELECT id, version, title, summary, tlp,
         CASE WHEN tlp IN ('AMBER', 'AMBER+STRICT') THEN jsonb_build_object('teamIds', to_jsonb(distribution_team_ids))
              WHEN tlp = 'RED' THEN jsonb_build_object('userIds', to_jsonb(recipient_user_ids))
              ELSE '{}'::jsonb END,
         urgent, source_reliability, information_credibility, body, countries, $2
       FROM reports WHERE id = $1`,
      [id, createdBy],
    );
  }

  /**
   * The published versions of report `id` that `actor` could read under their own TLP and
   * distribution, oldest first: loosening a report opens its current version, never its
   * stricter past. (That the caller may read the report now is the service's check.) The
   * version is read through THE visibility rule, as a row with the report's author, team
   * and status and the version's handling.
   */
  async versions(manager: EntityManager, id: string, actor: Actor): Promise<ReportVersionView[]> {
    const { viewer, params } = actorViewer(actor, 2);
    const rows: Array<Omit<ReportVersionView, 'distribution'> & { distribution: object }> =
      await manager.query(
        `SELECT v.version, v.title, v.summary, v.tlp, v.distribution, v.urgent,
           v.source_reliability AS "sourceReliability",
           v.information_credibility AS "informationCredibility",
           v.countries, v.body, v.created_at AS "createdAt", v.created_by AS "createdBy"
         FROM report_versions v JOIN reports r ON r.id = v.report_id
         CROSS JOIN LATERAL (SELECT r.author_id, r.team_id, r.status, v.tlp,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(v.distribution->'teamIds', '[]')))::uuid[]
             AS distribution_team_ids,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(v.distribution->'userIds', '[]')))::uuid[]
             AS recipient_user_ids) AS handled
         WHERE v.report_id = $1 AND ${canReadSql('handled', viewer)}
         ORDER BY v.version`,
        [id, ...params],
      );
    return rows.map((v) => ({
      ...v,
      version: toInt(v.version),
      distribution: Object.keys(v.distribution).length === 0 ? null : (v.distribution as never),
    }));
  }

  /**
   * One page of the reports `actor` may read, newest first. The visibility rule is part of
   * the WHERE clause, so a page is never short because rows were dropped afterwards. How
   * each filter is served at scale: docs/architecture.md, "Lists at scale".
   */
  async list(
    manager: EntityManager,
    actor: Actor,
    f: ReportFilters,
  ): Promise<Array<ReportRow & { sortKey: string }>> {
    if (f.q) return this.search(manager, actor, f);
    const { sql, params } = this.listSql(actor, f);
    return manager.query(sql, params);
  }

  /** The statement of a page without search (see `ListQuery` for the walk it takes). */
  listSql(actor: Actor, f: ReportFilters): { sql: string; params: unknown[] } {
    const q = new ListQuery(actor, f);
    const where = q.where();
    if (f.tlp === 'RED' && q.from === 'reports r') {
      // Few of the RED reports name any one viewer: the ones the rule may let them read are
      // found through the author, team and recipients indexes, then sorted, instead of
      // testing every RED report in date order (docs/architecture.md, "Lists at scale").
      const sql = `WITH page AS MATERIALIZED (SELECT r.id, ${q.keyColumn} AS k FROM reports r
          WHERE ${redReaderCandidatesSql('r', q.viewer)} AND ${where.join(' AND ')}
          ORDER BY ${q.order} LIMIT ${q.bind(f.limit + 1)})
        SELECT ${q.columns()} FROM page JOIN reports r ON r.id = page.id
         ORDER BY page.k DESC, page.id DESC`;
      return { sql, params: q.args };
    }
    const sql = `SELECT ${q.columns()} FROM ${q.from} WHERE ${where.join(' AND ')}
      ORDER BY ${q.order} LIMIT ${q.bind(f.limit + 1)}`;
    return { sql, params: q.args };
  }

  /**
   * A page of search hits without a global probe. First the newest rows the caller may
   * read that pass the other filters (a bounded window, see `searchWalkSql`) are tested
   * against the terms: a common term fills its page there, whatever the term. Only when
   * that leaves the page short and there is more to see are the remaining hits collected
   * through the search index, older than where the walk stopped: a term that got that far
   * is rare in the recent rows, so its hits are few, and their cost is in proportion to
   * them. Both statements read only rows the caller may read, so neither their result nor
   * their timing tells of reports the caller cannot see.
   */
  async search(
    manager: EntityManager,
    actor: Actor,
    f: ReportFilters,
  ): Promise<Array<ReportRow & { sortKey: string }>> {
    const walk = this.searchWalkSql(actor, f);
    const rows: Array<
      ReportRow & { sortKey: string; walked: number; edge: string | null; walkKey: unknown }
    > = await manager.query(walk.sql, walk.params);
    const edge = rows[0]?.edge ?? null;
    const walkedAll = (rows[0]?.walked ?? 0) < walk.window || edge === null;
    const page = rows
      .filter((row) => row.id !== null)
      .map(({ walked: _w, edge: _e, walkKey: _k, ...row }) => row);
    if (page.length > f.limit || walkedAll) return page;
    const [key, id] = edge.split(' ');
    const rest = this.searchHitsSql(actor, {
      ...f,
      after: { key, id },
      limit: f.limit - page.length,
    });
    const older: Array<ReportRow & { sortKey: string }> = await manager.query(
      rest.sql,
      rest.params,
    );
    return [...page, ...older];
  }

  /**
   * The bounded walk of `search`: the hits among the newest `window` readable rows, each
   * row carrying how many rows were walked and the sort key and id of the last of them (a
   * walk without hits answers one row of nulls with those two).
   */
  searchWalkSql(
    actor: Actor,
    f: ReportFilters,
  ): { sql: string; params: unknown[]; window: number } {
    const q = new ListQuery(actor, f);
    const window = Math.max(SEARCH_WALK, SEARCH_WALK_PER_ROW * (f.limit + 1));
    const terms = q.bind(f.q);
    const where = q.where();
    const sql = `WITH walk AS MATERIALIZED (
        SELECT r.id, ${q.keyColumn} AS k, r.search @@ websearch_to_tsquery('simple', ${terms}) AS hit
          FROM ${q.from} WHERE ${where.join(' AND ')}
         ORDER BY ${q.order} LIMIT ${window}),
      edge AS (SELECT (SELECT count(*)::int FROM walk) AS walked,
          (SELECT to_char(k AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ' ' || id
             FROM walk ORDER BY k, id LIMIT 1) AS edge),
      top AS (SELECT id, k FROM walk WHERE hit ORDER BY k DESC, id DESC LIMIT ${q.bind(f.limit + 1)}),
      page AS (SELECT ${q.columns()}, top.k AS "walkKey" FROM top JOIN reports r ON r.id = top.id)
      SELECT page.*, edge.walked, edge.edge FROM edge LEFT JOIN page ON true
       ORDER BY page."walkKey" DESC, page.id DESC`;
    return { sql, params: q.args, window };
  }

  /**
   * The rest of `search`: the readable hits older than the walk, collected with their sort
   * keys through the search index (MATERIALIZED, so the planner cannot turn it back into a
   * date walk), the page taken from those, and only its rows read whole.
   */
  searchHitsSql(actor: Actor, f: ReportFilters): { sql: string; params: unknown[] } {
    const q = new ListQuery(actor, { ...f, country: undefined }, { countryOfHits: f.country });
    const terms = q.bind(f.q);
    const where = q.where();
    const sql = `WITH hits AS MATERIALIZED (SELECT r.id, r.${q.key} AS k FROM reports r
        WHERE r.search @@ websearch_to_tsquery('simple', ${terms}) AND ${where.join(' AND ')}),
      top AS (SELECT id, k FROM hits ORDER BY k DESC, id DESC LIMIT ${q.bind(f.limit + 1)})
      SELECT ${q.columns()} FROM top JOIN reports r ON r.id = top.id
       ORDER BY top.k DESC, top.id DESC`;
    return { sql, params: q.args };
  }

  /** Which of these ids are not teams. */
  async missingTeams(manager: EntityManager, ids: string[]): Promise<string[]> {
    return this.missing(manager, 'teams', ids);
  }

  /** Which of these ids are not users. */
  async missingUsers(manager: EntityManager, ids: string[]): Promise<string[]> {
    return this.missing(manager, 'users', ids);
  }

  async memberExists(manager: EntityManager, code: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM members WHERE code = $1', [code]);
    return rows.length > 0;
  }

  private async missing(
    manager: EntityManager,
    table: 'teams' | 'users',
    ids: string[],
  ): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT u.id FROM unnest($1::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = u.id)`,
      [ids],
    );
    return rows.map((r) => r.id);
  }
}

/** The newest readable rows a search tests before it turns to the search index... */
const SEARCH_WALK = 2000;
/** ...and at least this many for each row of the page asked for. */
const SEARCH_WALK_PER_ROW = 40;

/**
 * One list statement's bind parameters, the rows it walks and its WHERE terms (search
 * aside). A country filter on published or withdrawn reports walks `report_countries`
 * (country[, type], status, date) in the list's order; every other filter walks the
 * reports' own date-ordered indexes (docs/architecture.md, "Lists at scale").
 */
class ListQuery {
  readonly args: unknown[];
  readonly viewer: ViewerSql;
  /** Published and withdrawn reports sort by publication, the others by creation. */
  readonly key: 'published_at' | 'created_at';
  readonly status: string;
  /** FROM, the sort key's column and ORDER BY of the walk. */
  readonly from: string;
  readonly keyColumn: string;
  readonly order: string;
  private readonly byCountry: boolean;

  constructor(
    actor: Actor,
    private readonly f: ReportFilters,
    private readonly options: { countryOfHits?: string } = {},
  ) {
    const { viewer, params } = actorViewer(actor, 1);
    this.viewer = viewer;
    this.args = [...params];
    this.key = f.status === 'published' || f.status === 'withdrawn' ? 'published_at' : 'created_at';
    this.status = this.bind(f.status);
    this.byCountry = f.country !== undefined && this.key === 'published_at';
    this.from = this.byCountry
      ? 'report_countries c JOIN reports r ON r.id = c.report_id'
      : 'reports r';
    this.keyColumn = this.byCountry ? 'c.published_at' : `r.${this.key}`;
    const id = this.byCountry ? 'c.report_id' : 'r.id';
    this.order = `${this.keyColumn} DESC, ${id} DESC`;
  }

  bind(value: unknown): string {
    this.args.push(value);
    return `$${this.args.length}`;
  }

  /** The envelope of `reports r` and its sort key. */
  columns(): string {
    return `${ENVELOPE},
      to_char(r.${this.key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sortKey"`;
  }

  /** Every filter but search; the visibility rule first. */
  where(): string[] {
    const f = this.f;
    const where = [canReadSql('r', this.viewer), `r.status = ${this.status}`];
    if (this.byCountry) {
      where.push(`c.country = ${this.bind(f.country)}`, `c.status = ${this.status}`);
      if (f.type) where.push(`c.type = ${this.bind(f.type)}`);
    } else if (f.type) where.push(`r.type = ${this.bind(f.type)}`);
    if (f.country && !this.byCountry)
      where.push(`r.countries @> ARRAY[${this.bind(f.country)}]::varchar[]`);
    // Tested row by row on the hits of the search index, never a second index to AND with.
    if (this.options.countryOfHits)
      where.push(`${this.bind(this.options.countryOfHits)} = ANY(r.countries)`);
    if (f.teamId) where.push(`r.team_id = ${this.bind(f.teamId)}::uuid`);
    if (f.tlp) where.push(`r.tlp = ${this.bind(f.tlp)}`);
    if (f.urgent !== undefined) where.push(`r.urgent = ${this.bind(f.urgent)}`);
    const at = this.byCountry ? 'c.published_at' : 'r.published_at';
    if (f.from) where.push(`${at} >= ${this.bind(f.from)}`);
    if (f.toExclusive) where.push(`${at} < ${this.bind(f.toExclusive)}`);
    if (f.after) {
      const row = this.byCountry ? '(c.published_at, c.report_id)' : `(r.${this.key}, r.id)`;
      where.push(
        `${row} < (${this.bind(f.after.key)}::timestamptz, ${this.bind(f.after.id)}::uuid)`,
      );
    }
    return where;
  }
}

function contentParams(c: ReportContent): unknown[] {
  return [
    c.title,
    c.summary,
    c.tlp,
    c.distributionTeamIds,
    c.recipientUserIds,
    c.urgent,
    c.sourceReliability,
    c.informationCredibility,
    JSON.stringify(c.body),
    c.countries,
  ];
}
