import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import { actorViewer, canReadSql, publicViewer } from '../visibility';
import type { SeriesGrouping } from './statistics-codes';
import { grainOf, MONTH_GRAINS, type RollupDimension } from './statistics-rollup';

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

/** Each grouping's key as SQL over alias `a`: a fixed table, so nothing from the request reaches the text. */
const KEY_SQL: Record<SeriesGrouping, (a: string) => string> = {
  month: (a) => `to_char(${a}.period, 'YYYY-MM')`,
  nationality: (a) => `${a}.nationality`,
  reportingCountry: (a) => `${a}.reporting_country`,
  borderType: (a) => `${a}.border_type`,
};

/** The dimension each grouping keeps (month keeps the period, which every monthly row has). */
const GROUPING_DIMENSION: Record<SeriesGrouping, RollupDimension | null> = {
  month: null,
  nationality: 'n',
  reportingCountry: 'c',
  borderType: 'b',
};

const DIMENSION_COLUMN: Record<RollupDimension, string> = {
  c: 'reporting_country',
  n: 'nationality',
  b: 'border_type',
};

/** Where a series is summed from: a rollup table (and its grain), or the observations. */
export type SeriesSource =
  | { table: 'statistics_rollup_totals'; grain: string }
  /** `years`: the whole calendar years of the range from the yearly rollup, the rest by month. */
  | { table: 'statistics_rollup_months'; grain: string; years: boolean }
  | { table: 'statistics_observations' };

/** A series statement as the repository runs it (exposed so that its plan can be checked). */
export interface SeriesStatement {
  source: SeriesSource;
  sql: string;
  params: unknown[];
}

/**
 * The smallest source that holds every dimension the filter and the grouping need
 * (docs/architecture.md, "Statistics rollups"): the all-period totals when no period is
 * asked for, else the monthly rollup, else (country and nationality both kept, so one of
 * them is a filter) the observations through their (indicator, country | nationality,
 * period) indexes.
 */
export function seriesSource(filter: SeriesFilter): SeriesSource {
  const kept = new Set<RollupDimension>();
  const grouped = GROUPING_DIMENSION[filter.groupBy];
  if (grouped) kept.add(grouped);
  if (filter.reportingCountry !== undefined) kept.add('c');
  if (filter.nationality !== undefined) kept.add('n');
  if (filter.borderType !== undefined) kept.add('b');
  const grain = grainOf(kept);
  const monthly =
    filter.groupBy === 'month' || filter.fromDate !== undefined || filter.toDate !== undefined;
  if (!monthly) return { table: 'statistics_rollup_totals', grain };
  if ((MONTH_GRAINS as readonly string[]).includes(grain))
    return { table: 'statistics_rollup_months', grain, years: filter.groupBy !== 'month' };
  return { table: 'statistics_observations' };
}

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
    const { sql, params } = this.seriesStatement(actor, filter);
    const rows: Array<{ key: string; count: string }> = await this.dataSource.query(sql, params);
    return rows.map((row) => ({ key: row.key, count: Number(row.count) }));
  }

  /**
   * The series as one statement. From a rollup: its sums (the reports everyone may read)
   * plus, on the fly, the observations of the other published reports `actor` may read,
   * found through the figures not counted in the rollups (partial index). From the observations: the
   * aggregate with the visibility rule inside, on an index that the filter makes selective.
   */
  seriesStatement(actor: Actor, filter: SeriesFilter): SeriesStatement {
    const { viewer, params } = actorViewer(actor, 1);
    const args: unknown[] = [...params, filter.indicator];
    const indicator = `$${args.length}`;
    const bind = (value: string): string => {
      args.push(value);
      return `$${args.length}`;
    };
    const values: Record<RollupDimension, string | undefined> = {
      c: filter.reportingCountry,
      n: filter.nationality,
      b: filter.borderType,
    };
    const bound: Partial<Record<RollupDimension, string>> = {};
    for (const d of ['c', 'n', 'b'] as const) {
      const value = values[d];
      if (value !== undefined) bound[d] = bind(value);
    }
    const from = filter.fromDate !== undefined ? `${bind(filter.fromDate)}::date` : undefined;
    const to = filter.toDate !== undefined ? `${bind(filter.toDate)}::date` : undefined;
    const key = KEY_SQL[filter.groupBy];

    /** The observation filters over alias `a` (an observations row or a figure). */
    const observed = (a: string, dimensions: readonly RollupDimension[]): string[] => [
      ...dimensions.flatMap((d) => (bound[d] ? [`${a}.${DIMENSION_COLUMN[d]} = ${bound[d]}`] : [])),
      ...(from ? [`${a}.period >= ${from}`] : []),
      ...(to ? [`${a}.period <= ${to}`] : []),
    ];
    const published = [`r.status = 'published'`, `r.type = 'migration_statistics'`];

    const source = seriesSource(filter);
    if (source.table === 'statistics_observations') {
      const where = [
        `o.indicator = ${indicator}`,
        ...published,
        canReadSql('r', viewer),
        ...observed('o', ['c', 'n', 'b']),
      ];
      return {
        source,
        params: args,
        sql: `SELECT ${key('o')} AS key, SUM(o.count)::bigint AS count
          FROM statistics_observations o JOIN reports r ON r.id = o.report_id
          WHERE ${where.join(' AND ')}
          GROUP BY 1 ORDER BY 1`,
      };
    }
    // Each dimension the grain drops is '' in the rollup: equalities that keep the whole
    // primary key usable up to the period.
    const rollupKey = [
      `x.grain = '${source.grain}'`,
      `x.indicator = ${indicator}`,
      ...(['c', 'n', 'b'] as const).flatMap((d) =>
        source.grain.includes(d)
          ? bound[d]
            ? [`x.${DIMENSION_COLUMN[d]} = ${bound[d]}`]
            : []
          : [`x.${DIMENSION_COLUMN[d]} = ''`],
      ),
    ];
    const rollup = (table: string, periods: string[]) =>
      `SELECT ${key('x')} AS key, x.total AS count FROM ${table} x
       WHERE ${[...rollupKey, ...periods].join(' AND ')}`;
    const branches: string[] = [];
    if (source.table === 'statistics_rollup_totals') branches.push(rollup(source.table, []));
    else if (!source.years) branches.push(rollup(source.table, observed('x', [])));
    else {
      // The whole years inside [from, to] from the yearly rollup; the months before the
      // first and after the last of them from the monthly one (all of [from, to] when it
      // holds no whole year).
      const { first, end } = wholeYears(filter.fromDate, filter.toDate);
      // Bound on first use only: a parameter the text never names is a bind error.
      const once = (value: string | undefined): (() => string) => {
        let placeholder: string | undefined;
        return () => (placeholder ??= `${bind(value as string)}::date`);
      };
      const start = once(first);
      const stop = once(end);
      const inRange = observed('x', []);
      if (!(first !== undefined && end !== undefined && first >= end))
        branches.push(
          rollup('statistics_rollup_years', [
            ...(first !== undefined ? [`x.period >= ${start()}`] : []),
            ...(end !== undefined ? [`x.period < ${stop()}`] : []),
          ]),
        );
      // A range that starts in January (ends in December) has no months before (after).
      if (first !== undefined && first !== filter.fromDate)
        branches.push(rollup(source.table, [...inRange, `x.period < ${start()}`]));
      if (end !== undefined && !filter.toDate?.endsWith('-12-01'))
        branches.push(
          rollup(source.table, [
            ...inRange,
            `x.period >= ${stop()}`,
            ...(first !== undefined ? [`x.period >= ${start()}`] : []),
          ]),
        );
    }
    // The figures not counted in the rollups (of the country and months asked for: a
    // figure's are its observations'), as an array first: the reports are then read by
    // primary key, whatever the planner guesses of the rule's selectivity.
    const figures = ['NOT f.readable_by_all', ...observed('f', ['c'])].join(' AND ');
    const restrictedWhere = [
      `r.id = ANY(ARRAY(SELECT f.report_id FROM statistics_figures f WHERE ${figures}))`,
      ...published,
      `(${canReadSql('r', publicViewer)}) IS NOT TRUE`,
      canReadSql('r', viewer),
      `o.indicator = ${indicator}`,
      ...observed('o', ['c', 'n', 'b']),
    ];
    return {
      source,
      params: args,
      sql: `SELECT s.key, SUM(s.count)::bigint AS count FROM (
          ${branches.join(' UNION ALL ')}
          UNION ALL
          SELECT ${key('o')} AS key, o.count
          FROM reports r JOIN statistics_observations o ON o.report_id = r.id
          WHERE ${restrictedWhere.join(' AND ')}
        ) s
        GROUP BY 1 ORDER BY 1`,
    };
  }
}

/**
 * The whole calendar years within [from, to] (dates `YYYY-MM-01`, either open): `first`,
 * the 1 January of the first, and `end`, the 1 January after the last; undefined where the
 * range is open. No whole year when `first >= end`.
 */
export function wholeYears(from?: string, to?: string): { first?: string; end?: string } {
  const year = (date: string) => Number(date.slice(0, 4));
  const month = (date: string) => Number(date.slice(5, 7));
  const january = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
  return {
    first:
      from === undefined ? undefined : january(month(from) === 1 ? year(from) : year(from) + 1),
    end: to === undefined ? undefined : january(month(to) === 12 ? year(to) + 1 : year(to)),
  };
}
