import { Injectable } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import { ProblemException } from '@rilon/core';
import { monthToDate, SeriesGrouping } from './statistics-codes';
import { StatisticsRepository } from './statistics.repository';

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

/**
 * Sums of published statistics the caller may read: the repository's rollups of what
 * everyone may read plus, on the fly, the other reports the visibility rule lets the caller
 * read (docs/architecture.md, "Statistics rollups"); nothing is filtered after it.
 */
@Injectable()
export class StatisticsSeriesService {
  constructor(private readonly statistics: StatisticsRepository) {}

  async series(actor: Actor, query: SeriesQuery): Promise<SeriesAnswer> {
    if (query.from && query.to && query.from > query.to)
      throw ProblemException.badRequest('from must not be after to', [
        { field: 'from', message: 'must not be after to' },
      ]);
    const series = await this.statistics.series(actor, {
      indicator: query.indicator,
      groupBy: query.groupBy,
      reportingCountry: query.reportingCountry,
      nationality: query.nationality,
      borderType: query.borderType,
      fromDate: query.from && monthToDate(query.from),
      toDate: query.to && monthToDate(query.to),
    });
    return {
      indicator: query.indicator,
      groupBy: query.groupBy,
      series,
    };
  }
}
