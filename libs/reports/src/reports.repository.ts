import { Injectable } from '@nestjs/common';
import { Actor, toInt } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import type { ReportFilters } from './report-filters';
import type { ReportRow, ReportVersionView } from './report.view';
import { actorViewer, canReadSql, type ViewerSql } from './visibility';

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

  async insert(
    manager: EntityManager,
    report: { id: string; type: string; teamId: string; authorId: string } & ReportContent,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reports (id, type, team_id, author_id, title, summary, tlp, distribution_team_ids,
         recipient_user_ids, urgent, source_reliability, information_credibility, body, countries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9::uuid[], $10, $11, $12, $13::jsonb, $14::varchar[])`,
      [report.id, report.type, report.teamId, report.authorId, ...contentParams(report)],
    );
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
   * the WHERE clause, so a page is never short because rows were dropped afterwards.
   */
  async list(
    manager: EntityManager,
    actor: Actor,
    f: ReportFilters,
  ): Promise<Array<ReportRow & { sortKey: string }>> {
    const { viewer, params } = actorViewer(actor, 1);
    const args: unknown[] = [...params];
    const bind = (value: unknown): string => {
      args.push(value);
      return `$${args.length}`;
    };
    // Published and withdrawn reports sort by publication, the others by creation.
    const key =
      f.status === 'published' || f.status === 'withdrawn' ? 'published_at' : 'created_at';
    const status = bind(f.status);
    const where = [canReadSql('r', viewer), `r.status = ${status}`];
    if (f.type) where.push(`r.type = ${bind(f.type)}`);
    if (f.teamId) where.push(`r.team_id = ${bind(f.teamId)}::uuid`);
    if (f.country) where.push(`r.countries @> ARRAY[${bind(f.country)}]::varchar[]`);
    if (f.tlp) where.push(`r.tlp = ${bind(f.tlp)}`);
    if (f.urgent !== undefined) where.push(`r.urgent = ${bind(f.urgent)}`);
    let hits = '';
    if (f.q) {
      const q = bind(f.q);
      where.push(`r.search @@ websearch_to_tsquery('simple', ${q})`);
      // A rare term makes the planner walk the date index across the whole table looking
      // for a page of hits (250 ms at 300k rows); collect the few hits first instead.
      if (await this.isRareTerm(manager, actor, f.q, f.status))
        hits = `WITH hits AS MATERIALIZED (SELECT h.id FROM reports h
          WHERE ${readableHitSql('h', q, status, viewer)}) `;
    }
    if (f.from) where.push(`r.published_at >= ${bind(f.from)}`);
    if (f.toExclusive) where.push(`r.published_at < ${bind(f.toExclusive)}`);
    if (f.after)
      where.push(
        `(r.${key}, r.id) < (${bind(f.after.key)}::timestamptz, ${bind(f.after.id)}::uuid)`,
      );
    return manager.query(
      `${hits}SELECT ${ENVELOPE},
         to_char(r.${key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sortKey"
       FROM reports r ${hits ? 'JOIN hits h ON h.id = r.id' : ''} WHERE ${where.join(' AND ')}
       ORDER BY r.${key} DESC, r.id DESC LIMIT ${bind(f.limit + 1)}`,
      args,
    );
  }

  /**
   * Whether fewer than RARE_HITS reports that `actor` may read, in `status`, match the search
   * terms (a GIN probe of a few ms): then collecting the hits beats walking the date order (a
   * common term finds a page of hits within the first rows of that walk: under a
   * millisecond). Only readable reports count, so the plan (and its timing) never tells a
   * caller that reports they cannot see mention a term.
   */
  private async isRareTerm(
    manager: EntityManager,
    actor: Actor,
    q: string,
    status: string,
  ): Promise<boolean> {
    const { viewer, params } = actorViewer(actor, 3);
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM reports r
        WHERE ${readableHitSql('r', '$1', '$2', viewer)} LIMIT ${RARE_HITS}) s`,
      [q, status, ...params],
    );
    return (rows[0]?.n ?? 0) < RARE_HITS;
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

/** Below this many readable matches a search collects its hits first (see `isRareTerm`). */
const RARE_HITS = 2000;

/** Rows of `r` in status `status` that match the search `q` and that `viewer` may read. */
function readableHitSql(r: string, q: string, status: string, viewer: ViewerSql): string {
  return `${r}.search @@ websearch_to_tsquery('simple', ${q}) AND ${r}.status = ${status}
    AND ${canReadSql(r, viewer)}`;
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
