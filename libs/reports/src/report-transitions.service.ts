import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditAction, type AuditRecord, AuditService, denied, Refusals } from '@rilon/audit';
import { Actor, inTransaction, isUuid, ProblemException } from '@rilon/core';
import type { DataSource, EntityManager } from 'typeorm';
import { decide, type ReportAction } from './report-access';
import type { ReportRow } from './report.view';
import { ReportsRepository } from './reports.repository';

/**
 * The frame of every change to an existing report: one transaction, the row locked so that
 * concurrent transitions queue up, 404 for a report the caller cannot read, 403 (audited as
 * `report.<action>.denied`) for one they can read but may not change, 409 for a wrong state.
 */
@Injectable()
export class ReportTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReportsRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  async run(
    actor: Actor,
    id: string,
    action: ReportAction,
    work: (
      manager: EntityManager,
      report: ReportRow & { body: Record<string, unknown> },
    ) => Promise<void>,
  ): Promise<ReportRow> {
    if (!isUuid(id)) throw ProblemException.notFound('Report');
    // The refusal is recorded by the guard once the transaction has rolled back and the
    // row lock is gone, never on a second connection while this one holds it.
    return this.refusals.guard(() =>
      inTransaction(this.dataSource, async (manager) => {
        const locked = await this.repository.lockForActor(manager, id, actor);
        if (!locked || !locked.canRead) throw ProblemException.notFound('Report');
        const report = locked.row as ReportRow & { body: Record<string, unknown> };
        const decision = decide(action, actor, report);
        if (decision === 'forbidden')
          throw denied(
            actor,
            `report.${action}`,
            { type: 'report', id },
            `You may not ${action} this report`,
            { type: report.type, tlp: report.tlp, status: report.status },
          );
        if (decision === 'conflict')
          throw ProblemException.conflict(
            `A ${report.status} report cannot be ${pastTense(action)}`,
            {
              reportStatus: report.status,
            },
          );
        await work(manager, report);
        const after = await this.repository.findById(manager, id);
        if (!after) throw ProblemException.notFound('Report');
        return after;
      }),
    );
  }

  /** Audit row of a successful transition: ids, type, TLP and version only. */
  async recordTransition(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    report: TransitionSubject,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(manager, transitionRecord(actor, action, report, extra));
  }

  /** The same row as an INSERT numbered from `$first`, for a writer's own statement. */
  transitionStatement(
    actor: Actor,
    action: AuditAction,
    report: TransitionSubject,
    extra: Record<string, unknown>,
    first: number,
  ): { sql: string; params: unknown[] } {
    return this.audit.statement(transitionRecord(actor, action, report, extra), first);
  }
}

type TransitionSubject = { id: string; type: string; tlp: string; version: number };

function transitionRecord(
  actor: Actor,
  action: AuditAction,
  report: TransitionSubject,
  extra: Record<string, unknown>,
): AuditRecord {
  return {
    actorId: actor.userId,
    action,
    targetType: 'report',
    targetId: report.id,
    details: { type: report.type, tlp: report.tlp, version: report.version, ...extra },
  };
}

function pastTense(action: ReportAction): string {
  return {
    update: 'changed',
    submit: 'submitted',
    return: 'returned',
    publish: 'published',
    withdraw: 'withdrawn',
  }[action];
}
