import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import { actorViewer, canReadSql } from '../visibility';
import type { SeriesGrouping } from './statistics-codes';

export interface Observation {
  indicator: string;
  nationality: string;
  borderType: string;
  count: number;
}

export interface SeriesFilter {
  indicator: string;
  groupBy: SeriesGrouping;
  reportingCountry?: string;
  nationality?: string;
  borderType?: string;
  /** Inclusive, as dates (`YYYY-MM-01`). */
  fromDate?: string;
  toDate?: string;
}

/** Each grouping's key as SQL: a fixed table, so nothing from the request reaches the text. */
const KEY_SQL: Record<SeriesGrouping, string> = {
  month: `to_char(o.period, 'YYYY-MM')`,
  nationality: 'o.nationality',
  reportingCountry: 'o.reporting_country',
  borderType: 'o.border_type',
};

/**
 * The owner of `statistics_figures` (one official figure per reporting country and
 * period) and `statistics_observations` (its counted rows). Writes join the report
 * lifecycle's transaction. Raw SQL: the insert is a bulk `unnest` of up to 2000 rows, the
 * claim must not abort the caller's transaction, and the series is an aggregate over
 * possibly millions of rows with the visibility rule inside the query.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The report's figure stops counting (its observations go with it). */
  async release(manager: EntityManager, reportId: string): Promise<void> {
    await manager.query('DELETE FROM statistics_figures WHERE report_id = $1', [reportId]);
  }

  /**
   * Claims (country, period) for the report; false when another report holds it.
   * ON CONFLICT DO NOTHING instead of catching 23505: a failed statement would abort the
   * caller's transaction. A concurrent claimant makes this insert wait for its commit.
   */
  async claim(
    manager: EntityManager,
    reportId: string,
    country: string,
    periodDate: string,
  ): Promise<boolean> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO statistics_figures (report_id, reporting_country, period)
       VALUES ($1, $2, $3::date)
       ON CONFLICT DO NOTHING
       RETURNING report_id`,
      [reportId, country, periodDate],
    );
    return claimed.length > 0;
  }

  /** The report holding (country, period), and whether `actor` may read it. */
  async holder(
    manager: EntityManager,
    country: string,
    periodDate: string,
    actor: Actor,
  ): Promise<{ id: string; readable: boolean } | null> {
    const { viewer, params } = actorViewer(actor, 3);
    const holders: Array<{ id: string; readable: boolean }> = await manager.query(
      `SELECT r.id, ${canReadSql('r', viewer)} AS readable
       FROM statistics_figures f JOIN reports r ON r.id = f.report_id
       WHERE f.reporting_country = $1 AND f.period = $2::date`,
      [country, periodDate, ...params],
    );
    return holders[0] ?? null;
  }

  async insertObservations(
    manager: EntityManager,
    figure: { reportId: string; reportingCountry: string; periodDate: string },
    observations: Observation[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO statistics_observations
         (report_id, reporting_country, period, indicator, nationality, border_type, count)
       SELECT $1, $2, $3::date, o.indicator, o.nationality, o.border_type, o.count
       FROM unnest($4::text[], $5::text[], $6::text[], $7::int[])
         AS o(indicator, nationality, border_type, count)`,
      [
        figure.reportId,
        figure.reportingCountry,
        figure.periodDate,
        observations.map((o) => o.indicator),
        observations.map((o) => o.nationality),
        observations.map((o) => o.borderType),
        observations.map((o) => o.count),
      ],
    );
  }

  /** Sums of the published observations `actor` may read, by the grouping's key. */
  async series(actor: Actor, filter: SeriesFilter): Promise<Array<{ key: string; count: number }>> {
    const { viewer, params } = actorViewer(actor, 1);
    const args: unknown[] = [...params, filter.indicator];
    const where = [
      `o.indicator = $${args.length}`,
      `r.status = 'published'`,
      `r.type = 'migration_statistics'`,
      canReadSql('r', viewer),
    ];
    const add = (sql: (p: string) => string, value: string | undefined): void => {
      if (value === undefined) return;
      args.push(value);
      where.push(sql(`$${args.length}`));
    };
    add((p) => `o.reporting_country = ${p}`, filter.reportingCountry);
    add((p) => `o.nationality = ${p}`, filter.nationality);
    add((p) => `o.border_type = ${p}`, filter.borderType);
    add((p) => `o.period >= ${p}::date`, filter.fromDate);
    add((p) => `o.period <= ${p}::date`, filter.toDate);
    const rows: Array<{ key: string; count: string }> = await this.dataSource.query(
      `SELECT ${KEY_SQL[filter.groupBy]} AS key, SUM(o.count)::bigint AS count
       FROM statistics_observations o JOIN reports r ON r.id = o.report_id
       WHERE ${where.join(' AND ')}
       GROUP BY 1 ORDER BY 1`,
      args,
    );
    return rows.map((row) => ({ key: row.key, count: Number(row.count) }));
  }
}
