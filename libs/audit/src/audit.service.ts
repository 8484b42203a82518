import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestContext } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from './audit-action';
import { AuditOutcome } from './audit-event.entity';
import {
  AuditEventsRepository,
  type NewAuditEvent,
  type Statement,
} from './audit-events.repository';

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
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
 * the change it records; `recordAlone` is for events that change nothing (an audited
 * read). Refusals go through {@link Refusals}, which records them this way once nothing
 * is held.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: AuditEventsRepository,
  ) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await this.events.insert(manager, this.event(entry));
  }

  /**
   * The audit row of `entry` as an INSERT numbered from `$first`, for a writer that makes
   * it part of its own statement: the row then commits with the change or not at all.
   */
  statement(entry: AuditRecord, first: number): Statement {
    return this.events.insertStatement(this.event(entry), first);
  }

  /** The row as stored: the request's address and id, the details scrubbed. */
  private event(entry: AuditRecord): NewAuditEvent {
    const meta = RequestContext.current();
    return {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome ?? 'success',
      ip: meta.ip,
      requestId: meta.requestId,
      details: scrubDetails(entry.details),
    };
  }

  async recordAlone(entry: AuditRecord): Promise<void> {
    await this.record(this.dataSource.manager, entry);
  }
}
