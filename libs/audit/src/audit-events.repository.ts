import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId, queryRows } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditOutcome } from './audit-event.entity';
import { auditRowColumnsSql, type AuditRowText } from './audit-hash';

/** One row to append; the id, the time and the seq are the database's. */
export interface NewAuditEvent {
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/**
 * The keyset cursor: the last row of the previous page. A cursor issued before the list was
 * ordered by time holds the seq alone; that row's time is then read by its seq.
 */
export interface AuditEventKey {
  seq: string;
  /** As the list answers it: UTC with microseconds, so it compares exactly. */
  occurredAt?: string;
}

/** The list's filters, checked by the caller; `before` is the keyset cursor. */
export interface AuditEventQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  before?: AuditEventKey;
  limit: number;
}

/** A statement and its parameters, as the list would run it. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A row as the list reads it: seq and times as text. */
export interface AuditEventRow {
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

/**
 * The owner of `audit_events`: the one INSERT every audited change and refusal goes
 * through, the list for administrators and auditors, and the sealer's read of the rows
 * after the chain head. Rows are never updated or deleted (a trigger refuses it).
 */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends in `manager`'s transaction, so the row commits with the change it records. */
  async insert(manager: EntityManager, event: NewAuditEvent): Promise<void> {
    const { sql, params } = this.insertStatement(event);
    await manager.query(sql, params);
  }

  /**
   * The INSERT of one event, its parameters numbered from `$first`: for a writer that puts
   * its change and the change's audit row in one statement (a data-modifying CTE), so that
   * they commit together without a transaction's extra round trips.
   */
  insertStatement(event: NewAuditEvent, first = 1): Statement {
    const $ = (i: number) => `$${first + i}`;
    return {
      sql: `INSERT INTO audit_events (id, occurred_at, actor_id, action, target_type, target_id, outcome, ip, request_id, details)
       VALUES (${$(0)}, clock_timestamp(), ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}, ${$(8)})`,
      params: [
        newId(),
        event.actorId,
        event.action,
        event.targetType,
        event.targetId,
        event.outcome,
        event.ip,
        event.requestId,
        JSON.stringify(event.details),
      ],
    };
  }

  /** Newest first, `limit` rows at most, each filter ANDed. */
  async list(query: AuditEventQuery): Promise<AuditEventRow[]> {
    const { sql, params } = this.listStatement(query);
    return queryRows<AuditEventRow>(this.dataSource.manager, sql, params);
  }

  /**
   * The list's statement, for {@link list} and for the plan test (tests/audit/audit-plans.test.ts).
   * Newest first is (occurred_at, seq) descending: every filter and time range is then one
   * walk of the index built for it (migrations/1764300013000), and the cursor continues it
   * where the page ended. docs/architecture.md, "The audit log at scale".
   */
  listStatement(query: AuditEventQuery): Statement {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.actorId) where.push(`e.actor_id = ${param(query.actorId)}`);
    if (query.action) where.push(`e.action = ${param(query.action)}`);
    if (query.targetType) where.push(`e.target_type = ${param(query.targetType)}`);
    if (query.targetId) where.push(`e.target_id = ${param(query.targetId)}`);
    if (query.outcome) where.push(`e.outcome = ${param(query.outcome)}`);
    if (query.from) {
      const b = bound(query.from, false);
      where.push(`e.occurred_at ${b.sql} ${param(b.value)}::timestamptz`);
    }
    if (query.to) {
      const b = bound(query.to, true);
      where.push(`e.occurred_at ${b.sql} ${param(b.value)}::timestamptz`);
    }
    if (query.before) {
      const seq = `${param(query.before.seq)}::bigint`;
      // An old cursor's row is never deleted, so its time is one probe of the primary key.
      const time = query.before.occurredAt
        ? `${param(query.before.occurredAt)}::timestamptz`
        : `(SELECT b.occurred_at FROM audit_events b WHERE b.seq = ${seq})`;
      where.push(`(e.occurred_at, e.seq) < (${time}, ${seq})`);
    }
    // Raw SQL: a dynamic filter over the largest table, walked newest first on the time indexes.
    const sql = `SELECT e.id::text, e.seq::text,
              to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
              e.actor_id::text, e.action, e.target_type, e.target_id, e.outcome, e.ip, e.request_id, e.details
         FROM audit_events e
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.occurred_at DESC, e.seq DESC
        LIMIT ${param(query.limit)}`;
    return { sql, params };
  }

  /**
   * The committed rows after `afterSeq`, ascending, as the chain hashes them, each with
   * whether it was written more than `settledSeconds` ago (any transaction still open
   * then has ended by now).
   */
  async committedAfter(
    manager: EntityManager,
    afterSeq: string,
    settledSeconds: number,
    limit: number,
  ): Promise<Array<AuditRowText & { settled: boolean }>> {
    return queryRows<AuditRowText & { settled: boolean }>(
      manager,
      `SELECT ${auditRowColumnsSql('e')},
              e.occurred_at < clock_timestamp() - make_interval(secs => $2) AS settled
         FROM audit_events e
        WHERE e.seq > $1
        ORDER BY e.seq
        LIMIT ${Number(limit)}`,
      [afterSeq, settledSeconds],
    );
  }
}
