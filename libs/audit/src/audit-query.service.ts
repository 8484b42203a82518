import { Injectable } from '@nestjs/common';
import { decodeCursor, malformedCursor, Page, ProblemException, toInt, toPage } from '@rilon/core';
import { AuditOutcome } from './audit-event.entity';
import { AuditEventsRepository, type NewAuditEvent } from './audit-events.repository';

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

/** Reads the audit log for administrators and auditors, newest first, keyset on seq. */
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
    const cursor = decodeCursor(filter.cursor, 1);
    let beforeSeq: string | undefined;
    if (cursor) {
      const [seq] = cursor;
      if (typeof seq !== 'string' || !/^\d{1,18}$/.test(seq)) {
        throw malformedCursor();
      }
      beforeSeq = seq;
    }
    const rows = await this.events.list({
      actorId: filter.actorId,
      action: filter.action,
      targetType: filter.targetType,
      targetId: filter.targetId,
      outcome: filter.outcome,
      from: filter.from,
      to: filter.to,
      beforeSeq,
      limit: limit + 1,
    });
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
