import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@rilon/audit';
import {
  Actor,
  decodeCursor,
  isUuid,
  malformedCursor,
  Page,
  ProblemException,
  toPage,
} from '@rilon/core';
import type { DataSource } from 'typeorm';
import type { ListReportsQueryDto } from './dto/list-reports-query.dto';
import { AUDITED_READ_TLPS, type ReportStatus, type ReportType, type Tlp } from './report-codes';
import type { ReportFilters } from './report-filters';
import type { ReportRow, ReportVersionView } from './report.view';
import { ReportsRepository } from './reports.repository';
import { isDateOnly } from './validation/date-rules';

/** Reads: one report, its versions, and lists (always under the visibility rule, in SQL). */
@Injectable()
export class ReportQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, id: string): Promise<ReportRow> {
    const report = await this.visible(actor, id);
    await this.auditRead(actor, report, 'report');
    return report;
  }

  /**
   * Published versions, oldest first, to whoever may read the report now: each version only
   * when its own TLP and distribution let the caller read it too.
   */
  async versions(actor: Actor, id: string): Promise<ReportVersionView[]> {
    const report = await this.visible(actor, id);
    await this.auditRead(actor, report, 'versions');
    return this.repository.versions(this.dataSource.manager, id, actor);
  }

  async list(actor: Actor, query: ListReportsQueryDto): Promise<Page<ReportRow>> {
    const limit = query.limit ?? 50;
    const rows = await this.repository.list(this.dataSource.manager, actor, {
      ...filtersOf(query),
      limit,
    });
    return toPage(rows, limit, (last) => [last.sortKey, last.id]);
  }

  private async visible(actor: Actor, id: string): Promise<ReportRow> {
    const report = isUuid(id)
      ? await this.repository.findVisible(this.dataSource.manager, id, actor)
      : null;
    if (!report) throw ProblemException.notFound('Report');
    return report;
  }

  /** Reads of AMBER, AMBER+STRICT and RED reports are audited (list pages are not). */
  private async auditRead(
    actor: Actor,
    report: ReportRow,
    view: 'report' | 'versions',
  ): Promise<void> {
    if (!AUDITED_READ_TLPS.includes(report.tlp)) return;
    await this.audit.recordAlone({
      actorId: actor.userId,
      action: 'report.read',
      targetType: 'report',
      targetId: report.id,
      details: { tlp: report.tlp, version: report.version, type: report.type, view },
    });
  }
}

function filtersOf(q: ListReportsQueryDto): Omit<ReportFilters, 'limit'> {
  const cursor = decodeCursor(q.cursor, 2);
  if (cursor && !(isSortKey(cursor[0]) && isUuid(cursor[1]))) throw malformedCursor();
  const from = q.from ? instant(q.from, 'from', false) : undefined;
  const toExclusive = q.to ? instant(q.to, 'to', true) : undefined;
  return {
    type: q.type as ReportType | undefined,
    status: (q.status ?? 'published') as ReportStatus,
    teamId: q.teamId,
    country: q.country,
    tlp: q.tlp as Tlp | undefined,
    urgent: q.urgent,
    q: q.q,
    from,
    toExclusive,
    after: cursor ? { key: cursor[0] as string, id: cursor[1] as string } : undefined,
  };
}

/**
 * A sort key exactly as the list writes it (`to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`),
 * naming a real instant. Date.parse is no test: it takes "1", which PostgreSQL refuses as a
 * timestamptz (a forged cursor would be a 500).
 */
const SORT_KEY = /^(?:19\d{2}|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function isSortKey(value: unknown): value is string {
  if (typeof value !== 'string' || !SORT_KEY.test(value)) return false;
  const t = Date.parse(`${value.slice(0, 19)}Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** A date means its whole UTC day: `from` its start, `to` (inclusive) up to the next day. */
function instant(value: string, field: string, upper: boolean): Date {
  const dateOnly = value.length === 10;
  if (dateOnly && !isDateOnly(value))
    throw ProblemException.badRequest(`${field} is not a date`, [
      { field, message: `${field} is not a valid date` },
    ]);
  const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t))
    throw ProblemException.badRequest(`${field} is not a date`, [
      { field, message: `${field} is not a valid date` },
    ]);
  return new Date(upper ? t + (dateOnly ? 86_400_000 : 1) : t);
}
