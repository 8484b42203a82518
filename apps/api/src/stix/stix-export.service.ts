import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals } from '@rilon/audit';
import { Actor, APP_CONFIG, AppConfig, inTransaction, ProblemException } from '@rilon/core';
import { TeamsService } from '@rilon/network';
import {
  ReportQueryService,
  RILON_EXTENSION_SCHEMA_PATH,
  stixBundle,
  type ReportRow,
  type StixBundle,
  type StixTeam,
} from '@rilon/reports';
import type { DataSource } from 'typeorm';
import { BULK_STIX_TLPS, type StixBulkQueryDto } from './stix-bulk-query.dto';

/** Pages of the list read to fill one bulk export, at most (docs/stix.md, "Routes"). */
const MAX_LIST_ROUNDS = 5;

/**
 * STIX exports, read through the report query service, so the visibility rule is the one
 * gate: a report the caller may not read is the 404 of GET /reports/:id (docs/stix.md).
 */
@Injectable()
export class StixExportService {
  constructor(
    private readonly query: ReportQueryService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  schemaUrl(): string {
    return `${this.config.publicUrl}${RILON_EXTENSION_SCHEMA_PATH}`;
  }

  async one(actor: Actor, id: string): Promise<StixBundle> {
    const report = await this.query.get(actor, id);
    // The caller may read it, so a refusal is honest; RED goes to named people only.
    if (report.tlp === 'RED')
      throw await this.refusals.refuse(
        {
          actorId: actor.userId,
          action: 'report.export.denied',
          targetType: 'report',
          targetId: report.id,
          outcome: 'denied',
          details: { tlp: report.tlp },
        },
        ProblemException.forbidden(
          'A TLP:RED report is never exported: it stays with its named recipients',
        ),
      );
    if (report.status !== 'published' && report.status !== 'withdrawn')
      throw ProblemException.conflict('Only a published or withdrawn report can be exported');
    const bundle = stixBundle([{ report, team: await this.team(report.teamId) }], this.schemaUrl());
    await this.audit.recordAlone(exported(actor, report, false));
    return bundle;
  }

  /**
   * CLEAR, GREEN and AMBER reports under the list's filters, newest first. The list runs
   * with the visibility rule in SQL; the TLPs that never leave in bulk are skipped, and the
   * list is read on (up to MAX_LIST_ROUNDS pages) to fill the page.
   */
  async many(
    actor: Actor,
    q: StixBulkQueryDto,
  ): Promise<{ bundle: StixBundle; nextCursor: string | null }> {
    const limit = q.limit ?? 50;
    const listed: ReportRow[] = [];
    let cursor = q.cursor;
    let nextCursor: string | null = null;
    for (let round = 0; round < MAX_LIST_ROUNDS && listed.length < limit; round++) {
      const page = await this.query.list(actor, { ...q, cursor, limit: limit - listed.length });
      listed.push(
        ...page.items.filter((r) => (BULK_STIX_TLPS as readonly string[]).includes(r.tlp)),
      );
      nextCursor = page.nextCursor;
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    const reports: Array<{ report: ReportRow; team: StixTeam }> = [];
    const teams = new Map<string, StixTeam>();
    for (const row of listed) {
      // The list has no body: each report is read in full, through the same rule.
      const report = await this.query.get(actor, row.id);
      const team = teams.get(report.teamId) ?? (await this.team(report.teamId));
      teams.set(team.id, team);
      reports.push({ report, team });
    }
    const bundle = stixBundle(reports, this.schemaUrl());
    if (reports.length > 0)
      await inTransaction(this.dataSource, async (manager) => {
        for (const { report } of reports)
          await this.audit.record(manager, exported(actor, report, true));
      });
    return { bundle, nextCursor };
  }

  private async team(teamId: string): Promise<StixTeam> {
    const team = await this.teams.get(teamId);
    return { id: team.id, name: team.name };
  }
}

function exported(actor: Actor, report: ReportRow, bulk: boolean) {
  return {
    actorId: actor.userId,
    action: 'report.export' as const,
    targetType: 'report',
    targetId: report.id,
    details: { tlp: report.tlp, version: report.version, type: report.type, bulk },
  };
}
