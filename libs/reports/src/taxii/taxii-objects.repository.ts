import { Injectable } from '@nestjs/common';
import { toInt } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import type { ReportRow } from '../report.view';
import { canReadSql, teamViewer } from '../visibility';
import type { TaxiiPosition } from './taxii-position';

/** A TAXII collection: the network's CLEAR and GREEN, or the AMBER a team is given. */
export type TaxiiScope = { kind: 'network' } | { kind: 'team'; teamId: string };

/** Which versions of each object (TAXII 2.1, match[version]); several combine with OR. */
export interface VersionMatch {
  first: boolean;
  last: boolean;
  all: boolean;
  /** Exact `modified` times (RFC 3339). */
  at: string[];
}

export interface TaxiiFilter {
  /** The reader: the team whose key it is, as "a member of that team" (no personal grants). */
  readerTeamId: string;
  scope: TaxiiScope;
  /** STIX types; empty for all. */
  types: string[];
  /** STIX ids as type and UUID; empty for all. */
  ids: Array<{ type: string; uuid: string }>;
  versions: VersionMatch;
  /** RFC 3339, exclusive. */
  addedAfter?: string;
  /** Exclusive: the last position already served. */
  after?: TaxiiPosition;
  limit: number;
}

/** One object version of the feed, with what the STIX mapping needs. */
export interface TaxiiRow {
  position: TaxiiPosition;
  stixType: 'identity' | 'report' | 'note';
  stixUuid: string;
  modified: Date;
  /** The team: the identity itself, or the report's authoring team. */
  team: { id: string; name: string };
  /** The report as it was at this version (report and note rows). */
  report: ReportRow | null;
}

interface RawRow {
  seq: string;
  dateAdded: string;
  stixType: TaxiiRow['stixType'];
  stixUuid: string;
  modified: Date;
  revoked: boolean;
  version: number | null;
  teamId: string;
  teamName: string;
  reportId: string | null;
  type: ReportRow['type'];
  authorId: string;
  publishedAt: Date | null;
  createdAt: Date;
  withdrawalReason: string | null;
  title: string;
  summary: string;
  tlp: ReportRow['tlp'];
  distributionTeamIds: string[] | null;
  urgent: boolean;
  sourceReliability: string;
  informationCredibility: string;
  body: Record<string, unknown>;
  countries: string[];
}

const TEAM_PARAM = 1;

/**
 * Whether object version `o` (an alias of taxii_objects) belongs to the collection, for the
 * reader `$1`: team identities always; a report or note version when THE visibility rule
 * lets a member of the reader's team read the report now, and this version under its own
 * TLP and distribution (as GET /reports/:id/versions does), and both are of the
 * collection's TLP: CLEAR or GREEN for the network, AMBER listing the team for a team.
 * AMBER+STRICT and RED are of no collection.
 */
function inCollectionSql(o: string, scope: TaxiiScope, teamParam: string): string {
  const viewer = teamViewer(TEAM_PARAM);
  const tlp =
    scope.kind === 'network'
      ? `r.tlp IN ('CLEAR', 'GREEN') AND v.tlp IN ('CLEAR', 'GREEN')`
      : `r.tlp = 'AMBER' AND v.tlp = 'AMBER'
         AND r.distribution_team_ids @> ARRAY[${teamParam}::uuid]
         AND handled.distribution_team_ids @> ARRAY[${teamParam}::uuid]`;
  return `(${o}.stix_type = 'identity' OR EXISTS (
    SELECT 1 FROM reports r
      JOIN report_versions v ON v.report_id = r.id AND v.version = ${o}.version
      CROSS JOIN LATERAL (SELECT r.author_id, r.team_id, r.status, v.tlp,
        ARRAY(SELECT jsonb_array_elements_text(coalesce(v.distribution->'teamIds', '[]')))::uuid[]
          AS distribution_team_ids,
        '{}'::uuid[] AS recipient_user_ids) AS handled
     WHERE r.id = ${o}.report_id AND ${canReadSql('r', viewer)} AND ${canReadSql('handled', viewer)}
       AND ${tlp}))`;
}

/**
 * The TAXII feed (docs/stix.md, "TAXII"): reads taxii_objects, which the database's triggers
 * alone write (migrations/1764300012000-CreateTaxii.ts), in `date_added` order. Raw SQL: the
 * collection is THE visibility rule for "a member of the key's team".
 */
@Injectable()
export class TaxiiObjectsRepository {
  /** Up to `limit + 1` object versions after the position, oldest added first. */
  async page(manager: EntityManager, f: TaxiiFilter): Promise<TaxiiRow[]> {
    const args: unknown[] = [f.readerTeamId];
    const bind = (value: unknown): string => {
      args.push(value);
      return `$${args.length}`;
    };
    const scopeTeam = f.scope.kind === 'team' ? bind(f.scope.teamId) : 'NULL';
    const inCollection = (alias: string): string => inCollectionSql(alias, f.scope, scopeTeam);
    const where = ['o.date_added IS NOT NULL', inCollection('o')];
    if (f.types.length > 0) where.push(`o.stix_type = ANY(${bind(f.types)}::text[])`);
    if (f.ids.length > 0)
      where.push(
        `(o.stix_type, o.stix_uuid) IN (SELECT * FROM unnest(${bind(f.ids.map((i) => i.type))}::text[], ${bind(f.ids.map((i) => i.uuid))}::uuid[]))`,
      );
    if (f.addedAfter) where.push(`o.date_added > ${bind(f.addedAfter)}::timestamptz`);
    if (f.after)
      where.push(
        `(o.date_added, o.seq) > (${bind(f.after.dateAdded)}::timestamptz, ${bind(f.after.seq)}::bigint)`,
      );
    // Versions: compared with the other versions of the object in the same collection.
    const other = (cmp: '<' | '>'): string =>
      `NOT EXISTS (SELECT 1 FROM taxii_objects w WHERE w.stix_uuid = o.stix_uuid
         AND w.stix_type = o.stix_type AND w.date_added IS NOT NULL AND w.modified ${cmp} o.modified
         AND ${inCollection('w')})`;
    if (!f.versions.all) {
      const any: string[] = [];
      if (f.versions.last) any.push(other('>'));
      if (f.versions.first) any.push(other('<'));
      if (f.versions.at.length > 0)
        any.push(`o.modified = ANY(${bind(f.versions.at)}::timestamptz[])`);
      where.push(any.length > 0 ? `(${any.join(' OR ')})` : 'false');
    }
    const rows: RawRow[] = await manager.query(
      `SELECT o.seq::text AS seq,
         to_char(o.date_added AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "dateAdded",
         o.stix_type AS "stixType", o.stix_uuid AS "stixUuid", o.modified, o.revoked, o.version,
         t.id AS "teamId", t.name AS "teamName", r.id AS "reportId", r.type,
         r.author_id AS "authorId", r.published_at AS "publishedAt", r.created_at AS "createdAt",
         r.withdrawal_reason AS "withdrawalReason", v.title, v.summary, v.tlp,
         ARRAY(SELECT jsonb_array_elements_text(coalesce(v.distribution->'teamIds', '[]')))::uuid[]
           AS "distributionTeamIds",
         v.urgent, v.source_reliability AS "sourceReliability",
         v.information_credibility AS "informationCredibility", v.body, v.countries
       FROM taxii_objects o
       LEFT JOIN reports r ON r.id = o.report_id
       LEFT JOIN report_versions v ON v.report_id = o.report_id AND v.version = o.version
       JOIN teams t ON t.id = coalesce(o.team_id, r.team_id)
       WHERE ${where.join(' AND ')}
       ORDER BY o.date_added, o.seq
       LIMIT ${bind(f.limit + 1)}`,
      args,
    );
    return rows.map(toTaxiiRow);
  }
}

function toTaxiiRow(row: RawRow): TaxiiRow {
  const team = { id: row.teamId, name: row.teamName };
  const base = {
    position: { dateAdded: row.dateAdded, seq: row.seq },
    stixType: row.stixType,
    stixUuid: row.stixUuid,
    modified: row.modified,
    team,
  };
  if (row.stixType === 'identity' || !row.reportId) return { ...base, report: null };
  const withdrawn = row.revoked;
  return {
    ...base,
    report: {
      id: row.reportId,
      type: row.type,
      teamId: row.teamId,
      authorId: row.authorId,
      title: row.title,
      summary: row.summary,
      tlp: row.tlp,
      distributionTeamIds: row.distributionTeamIds ?? [],
      recipientUserIds: [],
      urgent: row.urgent,
      sourceReliability: row.sourceReliability,
      informationCredibility: row.informationCredibility,
      body: row.body,
      countries: row.countries,
      status: withdrawn ? 'withdrawn' : 'published',
      version: toInt(row.version ?? 1),
      createdAt: row.createdAt,
      // The mapping takes `modified` from these (docs/stix.md, "Mapping").
      updatedAt: row.modified,
      submittedAt: null,
      publishedAt: row.publishedAt,
      withdrawnAt: withdrawn ? row.modified : null,
      withdrawalReason: withdrawn ? row.withdrawalReason : null,
      returnComment: null,
    },
  };
}
