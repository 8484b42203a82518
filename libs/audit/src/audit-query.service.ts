import { Injectable } from '@nestjs/common';
import { decodeCursor, malformedCursor, Page, ProblemException, toInt, toPage } from '@rilon/core';
import { AuditOutcome } from './audit-event.entity';
import {
  AuditEventsRepository,
  type AuditEventKey,
  type NewAuditEvent,
} from './audit-events.repository';

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

/** A recorded event: what was appended, with the id, sequence and time the database gave it. */
export interface AuditEventView extends NewAuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
}

const SEQ = /^\d{1,18}$/;
const OCCURRED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The list's own time format, and a real instant: month 13 or 30 February never reaches SQL. */
function isInstant(value: string): boolean {
  if (!OCCURRED_AT.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 23) === value.slice(0, 23);
}

/**
 * The list's cursor: `[occurredAt, seq]` of the page's last row, or `[seq]` as issued before
 * the list was ordered by time (still honoured). Anything else is the malformed-cursor 400.
 */
function decodeAuditCursor(cursor: string | undefined): AuditEventKey | undefined {
  if (!cursor) return undefined;
  let values: unknown[] | null;
  try {
    values = decodeCursor(cursor, 2);
  } catch {
    values = decodeCursor(cursor, 1);
  }
  const [first, second] = values ?? [];
  if (values?.length === 1 && typeof first === 'string' && SEQ.test(first)) return { seq: first };
  if (
    typeof first === 'string' &&
    isInstant(first) &&
    typeof second === 'string' &&
    SEQ.test(second)
  ) {
    return { seq: second, occurredAt: first };
  }
  throw malformedCursor();
}

/** Reads the audit log for administrators and auditors, newest first, keyset on (occurredAt, seq). */
@Injectable()
export class AuditQueryService {
  constructor(private readonly events: AuditEventsRepository) {}

  async list(filter: AuditEventFilter): Promise<Page<AuditEventView>> {
    const limit = filter.limit ?? 50;
    if (filter.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) {
      throw ProblemException.badRequest('`from` is after `to`', [
        { field: 'to', message: 'must not be before from' },
      ]);
    }
    const before = decodeAuditCursor(filter.cursor);
    const rows = await this.events.list({
      actorId: filter.actorId,
      action: filter.action,
      targetType: filter.targetType,
      targetId: filter.targetId,
      outcome: filter.outcome,
      from: filter.from,
      to: filter.to,
      before,
      limit: limit + 1,
    });
    const page = toPage(rows, limit, (last) => [last.occurred_at, last.seq]);
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
