import { Injectable } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import type { EntityManager } from 'typeorm';

/** The body of a migration_statistics report, as the ledger reads it. */
export interface StatisticsBodyShape {
  reportingCountry: string;
  period: string;
  observations: Array<{
    indicator: string;
    nationality: string;
    borderType: string;
    count: number;
  }>;
}

/**
 * The counted figures of published migration_statistics reports: one official figure per
 * (reportingCountry, period), enforced by the database. Called by the report lifecycle
 * inside its transaction. (Placeholder: the statistics engineer fills it in.)
 */
@Injectable()
export class StatisticsLedger {
  /**
   * On publication or amendment of a migration_statistics report (after the reports row
   * holds its new status and version): claims (reportingCountry, period) for this report
   * and replaces its observations. Throws a 409 ProblemException when another published
   * report holds the pair (naming it, as `existingReportId`, when `actor` may read it).
   */
  async record(
    _manager: EntityManager,
    _report: { id: string; body: StatisticsBodyShape },
    _actor: Actor,
  ): Promise<void> {}

  /** On withdrawal: the report's figures stop counting and the pair is free again. */
  async release(_manager: EntityManager, _reportId: string): Promise<void> {}
}
