import { Injectable } from '@nestjs/common';
import { Actor, addOutboxEvent } from '@rilon/core';
import { assertNoPersonalData, assertNonNominal } from './personal-data/personal-data-check';
import { ReportTransitionsService } from './report-transitions.service';
import type { ReportRow } from './report.view';
import { ReportsRepository } from './reports.repository';
import { StatisticsLedger, type StatisticsBodyShape } from './statistics/statistics-ledger';

/**
 * draft -> submitted -> published -> withdrawn, with return to draft (docs/domain.md, "Lifecycle").
 * Each transition commits its change, its audit row and its outbox event together.
 */
@Injectable()
export class ReportLifecycleService {
  constructor(
    private readonly transitions: ReportTransitionsService,
    private readonly repository: ReportsRepository,
    private readonly ledger: StatisticsLedger,
  ) {}

  submit(actor: Actor, id: string): Promise<ReportRow> {
    return this.transitions.run(actor, id, 'submit', async (manager, r) => {
      assertNonNominal(r);
      await this.repository.setStatus(manager, id, 'submitted');
      await this.transitions.recordTransition(manager, actor, 'report.submit', r);
      await addOutboxEvent(manager, 'report.submitted', {
        reportId: id,
        version: r.version,
        actorId: actor.userId,
      });
    });
  }

  /**
   * The comment goes to the author with the report, never into the audit log; it is checked
   * for personal data like the report's own text, since it travels with the report.
   */
  return(actor: Actor, id: string, comment: string): Promise<ReportRow> {
    return this.transitions.run(actor, id, 'return', async (manager, r) => {
      assertNoPersonalData({ comment });
      await this.repository.setStatus(manager, id, 'draft', comment);
      await this.transitions.recordTransition(manager, actor, 'report.return', r);
      await addOutboxEvent(manager, 'report.returned', {
        reportId: id,
        version: r.version,
        actorId: actor.userId,
      });
    });
  }

  publish(actor: Actor, id: string): Promise<ReportRow> {
    return this.transitions.run(actor, id, 'publish', async (manager, r) => {
      assertNonNominal(r);
      await this.repository.setStatus(manager, id, 'published');
      await this.repository.insertVersion(manager, id, actor.userId);
      if (r.type === 'migration_statistics')
        await this.ledger.record(
          manager,
          { id, body: r.body as unknown as StatisticsBodyShape },
          actor,
        );
      await this.transitions.recordTransition(manager, actor, 'report.publish', r, {
        from: r.status,
      });
      await addOutboxEvent(manager, 'report.published', {
        reportId: id,
        version: r.version,
        actorId: actor.userId,
      });
    });
  }

  /** The reason is shown to everyone who could read the report: checked for personal data. */
  withdraw(actor: Actor, id: string, reason: string): Promise<ReportRow> {
    return this.transitions.run(actor, id, 'withdraw', async (manager, r) => {
      assertNoPersonalData({ reason });
      await this.repository.setStatus(manager, id, 'withdrawn', reason);
      if (r.type === 'migration_statistics') await this.ledger.release(manager, id);
      await this.transitions.recordTransition(manager, actor, 'report.withdraw', r);
      await addOutboxEvent(manager, 'report.withdrawn', {
        reportId: id,
        version: r.version,
        actorId: actor.userId,
      });
    });
  }
}
