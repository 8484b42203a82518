import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@rilon/core';
import { ProblemException } from '@rilon/core';
import { DataSource } from 'typeorm';
import { actorViewer, canReadSql } from '../visibility';
import { monthToDate, SeriesGrouping } from './statistics-codes';

export interface SeriesQuery {
  indicator: string;
  groupBy: SeriesGrouping;
  reportingCountry?: string;
  nationality?: string;
  borderType?: string;
  /** Inclusive months, `YYYY-MM`. */
  from?: string;
  to?: string;
}

export interface SeriesAnswer {
  indicator: string;
  groupBy: SeriesGrouping;
  series: Array<{ key: string; count: number }>;
}

/** Each grouping's key as SQL: a fixed table, so nothing from the request reaches the text. */
const KEY_SQL: Record<SeriesGrouping, string> = {
  month: `to_char(o.period, 'YYYY-MM')`,
  nationality: 'o.nationality',
  reportingCountry: 'o.reporting_country',
  borderType: 'o.border_type',
};

/**
 * Sums of published statistics the caller may read. Raw SQL because it is an aggregate
 * over possibly millions of observations: the visibility rule runs inside the query, on
 * the (indicator, …, period) indexes, and nothing is filtered after it.
 */
@Injectable()
export class StatisticsSeriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async series(actor: Actor, query: SeriesQuery): Promise<SeriesAnswer> {
    if (query.from && query.to && query.from > query.to)
      throw ProblemException.badRequest('from must not be after to', [
        { field: 'from', message: 'must not be after to' },
      ]);
    const { viewer, params } = actorViewer(actor, 1);
    const args: unknown[] = [...params, query.indicator];
    const where = [
      `o.indicator = $${args.length}`,
      `r.status = 'published'`,
      `r.type = 'migration_statistics'`,
      canReadSql('r', viewer),
    ];
    const filter = (sql: (p: string) => string, value: string | undefined): void => {
      if (value === undefined) return;
      args.push(value);
      where.push(sql(`$${args.length}`));
    };
    filter((p) => `o.reporting_country = ${p}`, query.reportingCountry);
    filter((p) => `o.nationality = ${p}`, query.nationality);
    filter((p) => `o.border_type = ${p}`, query.borderType);
    filter((p) => `o.period >= ${p}::date`, query.from && monthToDate(query.from));
    filter((p) => `o.period <= ${p}::date`, query.to && monthToDate(query.to));
    const key = KEY_SQL[query.groupBy];
    const rows: Array<{ key: string; count: string }> = await this.dataSource.query(
      `SELECT ${key} AS key, SUM(o.count)::bigint AS count
       FROM statistics_observations o JOIN reports r ON r.id = o.report_id
       WHERE ${where.join(' AND ')}
       GROUP BY 1 ORDER BY 1`,
      args,
    );
    return {
      indicator: query.indicator,
      groupBy: query.groupBy,
      series: rows.map((row) => ({ key: row.key, count: Number(row.count) })),
    };
  }
}
