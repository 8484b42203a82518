import { Injectable } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import { ProblemException } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import { monthToDate } from './statistics-codes';
import { StatisticsRepository } from './statistics.repository';

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

/** A claim can lose to a holder that releases before we look it up; retry that few times. */
const CLAIM_ATTEMPTS = 3;

/**
 * The counted figures of published migration_statistics reports: one official figure per
 * (reportingCountry, period), enforced by the unique constraint of `statistics_figures`.
 * Called by the report lifecycle inside its transaction; the SQL is StatisticsRepository's.
 */
@Injectable()
export class StatisticsLedger {
  constructor(private readonly statistics: StatisticsRepository) {}

  /**
   * On publication or amendment of a migration_statistics report (after the reports row
   * holds its new status and version): claims (reportingCountry, period) for this report
   * and replaces its observations. Throws a 409 ProblemException when another published
   * report holds the pair (naming it, as `existingReportId`, when `actor` may read it).
   */
  async record(
    manager: EntityManager,
    report: { id: string; body: StatisticsBodyShape },
    actor: Actor,
  ): Promise<void> {
    const { reportingCountry, period, observations } = report.body;
    const periodDate = monthToDate(period);
    // An amendment replaces what the report counted, possibly under another pair.
    await this.release(manager, report.id);
    await this.claim(manager, report.id, reportingCountry, periodDate, period, actor);
    await this.statistics.insertObservations(
      manager,
      { reportId: report.id, reportingCountry, periodDate },
      observations,
    );
  }

  /** On withdrawal: the report's figures stop counting and the pair is free again. */
  async release(manager: EntityManager, reportId: string): Promise<void> {
    // Observations go with the figure (ON DELETE CASCADE).
    await this.statistics.release(manager, reportId);
  }

  /** Claims the pair, or throws the 409 that names (when readable) the report holding it. */
  private async claim(
    manager: EntityManager,
    reportId: string,
    country: string,
    periodDate: string,
    period: string,
    actor: Actor,
  ): Promise<void> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      if (await this.statistics.claim(manager, reportId, country, periodDate)) return;
      const holder = await this.statistics.holder(manager, country, periodDate, actor);
      if (!holder) continue;
      const what = `${country} ${period}`;
      throw holder.readable
        ? ProblemException.conflict(
            `Report ${holder.id} is already the published figure for ${what}; amend it instead`,
            { existingReportId: holder.id },
          )
        : ProblemException.conflict(
            `Another report is already the published figure for ${what}; it must be amended instead`,
          );
    }
    throw ProblemException.conflict(
      'The figure for this reporting country and period is changing; try again',
    );
  }
}
