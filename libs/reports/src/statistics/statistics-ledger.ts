import { Injectable } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import { ProblemException } from '@rilon/core';
import type { EntityManager } from 'typeorm';
import { actorViewer, canReadSql } from '../visibility';
import { monthToDate } from './statistics-codes';

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
 * Called by the report lifecycle inside its transaction. Raw SQL: the insert is a bulk
 * `unnest` of up to 2000 rows, and the claim must not abort the caller's transaction.
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
    manager: EntityManager,
    report: { id: string; body: StatisticsBodyShape },
    actor: Actor,
  ): Promise<void> {
    const { reportingCountry, period, observations } = report.body;
    const periodDate = monthToDate(period);
    // An amendment replaces what the report counted, possibly under another pair.
    await this.release(manager, report.id);
    await this.claim(manager, report.id, reportingCountry, periodDate, period, actor);
    await manager.query(
      `INSERT INTO statistics_observations
         (report_id, reporting_country, period, indicator, nationality, border_type, count)
       SELECT $1, $2, $3::date, o.indicator, o.nationality, o.border_type, o.count
       FROM unnest($4::text[], $5::text[], $6::text[], $7::int[])
         AS o(indicator, nationality, border_type, count)`,
      [
        report.id,
        reportingCountry,
        periodDate,
        observations.map((o) => o.indicator),
        observations.map((o) => o.nationality),
        observations.map((o) => o.borderType),
        observations.map((o) => o.count),
      ],
    );
  }

  /** On withdrawal: the report's figures stop counting and the pair is free again. */
  async release(manager: EntityManager, reportId: string): Promise<void> {
    // Observations go with the figure (ON DELETE CASCADE).
    await manager.query('DELETE FROM statistics_figures WHERE report_id = $1', [reportId]);
  }

  /**
   * ON CONFLICT DO NOTHING instead of catching 23505: a failed statement would abort the
   * caller's transaction. A concurrent claimant makes this insert wait for its commit,
   * so two publishes of one pair can never both win.
   */
  private async claim(
    manager: EntityManager,
    reportId: string,
    country: string,
    periodDate: string,
    period: string,
    actor: Actor,
  ): Promise<void> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO statistics_figures (report_id, reporting_country, period)
         VALUES ($1, $2, $3::date)
         ON CONFLICT DO NOTHING
         RETURNING report_id`,
        [reportId, country, periodDate],
      );
      if (claimed.length > 0) return;
      const { viewer, params } = actorViewer(actor, 3);
      const holders: Array<{ id: string; readable: boolean }> = await manager.query(
        `SELECT r.id, ${canReadSql('r', viewer)} AS readable
         FROM statistics_figures f JOIN reports r ON r.id = f.report_id
         WHERE f.reporting_country = $1 AND f.period = $2::date`,
        [country, periodDate, ...params],
      );
      const holder = holders[0];
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
