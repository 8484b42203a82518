import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId, RequestContext } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuditOutcome } from './audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditOutcome;
  /** Ids, types and TLP labels only: never a password, token, secret, title or content. */
  details?: Record<string, unknown>;
}

const FORBIDDEN_DETAIL_KEYS =
  /pass(word)?|token|secret|title|summary|body|content|description|hash/i;

/** Drops any detail whose key could carry a secret or report content. */
export function scrubDetails(details: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (!FORBIDDEN_DETAIL_KEYS.test(key)) out[key] = value;
  }
  return out;
}

/**
 * Writes audit rows. `record` joins the caller's transaction, so the row commits with
 * the change it records; `recordAlone` is for refusals and failures that change nothing.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const meta = RequestContext.current();
    await manager.query(
      `INSERT INTO audit_events (id, occurred_at, actor_id, action, target_type, target_id, outcome, ip, request_id, details)
       VALUES ($1, clock_timestamp(), $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        newId(),
        entry.actorId,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.outcome ?? 'success',
        meta.ip,
        meta.requestId,
        JSON.stringify(scrubDetails(entry.details)),
      ],
    );
  }

  async recordAlone(entry: AuditRecord): Promise<void> {
    await this.record(this.dataSource.manager, entry);
  }
}
