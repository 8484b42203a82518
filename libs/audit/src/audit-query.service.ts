import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, malformedCursor, Page, ProblemException, toInt, toPage } from '@rilon/core';
import { DataSource } from 'typeorm';
import { AuditOutcome } from './audit-event.entity';

/** Filters of the audit list; `from`/`to` are inclusive timestamps (ISO 8601, already validated). */
export interface AuditEventFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface AuditEventView {
  id: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

interface Row {
  id: string;
  seq: string;
  occurred_at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date without a time means the whole UTC day: from its start, through its end. */
function bound(value: string, end: boolean): { sql: string; value: string } {
  if (!DATE_ONLY.test(value)) return { sql: end ? '<=' : '>=', value };
  if (!end) return { sql: '>=', value: `${value}T00:00:00Z` };
  const next = new Date(`${value}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { sql: '<', value: next.toISOString() };
}

/** Reads the audit log for administrators and auditors, newest first, keyset on seq. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: AuditEventFilter): Promise<Page<AuditEventView>> {
    const limit = filter.limit ?? 50;
    if (filter.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) {
      throw ProblemException.badRequest('`from` is after `to`', [
        { field: 'to', message: 'must not be before from' },
      ]);
    }
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.targetType) add('target_type = ?', filter.targetType);
    if (filter.targetId) add('target_id = ?', filter.targetId);
    if (filter.outcome) add('outcome = ?', filter.outcome);
    if (filter.from) {
      const b = bound(filter.from, false);
      add(`occurred_at ${b.sql} ?::timestamptz`, b.value);
    }
    if (filter.to) {
      const b = bound(filter.to, true);
      add(`occurred_at ${b.sql} ?::timestamptz`, b.value);
    }
    const cursor = decodeCursor(filter.cursor, 1);
    if (cursor) {
      const [seq] = cursor;
      if (typeof seq !== 'string' || !/^\d{1,18}$/.test(seq)) {
        throw malformedCursor();
      }
      add('e.seq < ?::bigint', seq);
    }
    // Raw SQL: a dynamic filter over the largest table, walked newest first on the seq indexes.
    const rows = await this.dataSource.query<Row[]>(
      `SELECT id::text, seq::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
              actor_id::text, action, target_type, target_id, outcome, ip, request_id, details
         FROM audit_events e
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.seq DESC
        LIMIT $${params.length + 1}`,
      [...params, limit + 1],
    );
    const page = toPage(rows, limit, (last) => [last.seq]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        id: r.id,
        seq: toInt(r.seq),
        occurredAt: r.occurred_at,
        actorId: r.actor_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        outcome: r.outcome,
        ip: r.ip,
        requestId: r.request_id,
        details: r.details,
      })),
    };
  }
}
