import type { Grouping, Indicator } from './codes';
import type { SeriesFilters } from './series-view';

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, or a line break. */
export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document of rows, CRLF between records (RFC 4180). It starts with a byte order
 * mark, because spreadsheet programs officers use read UTF-8 without one as a legacy code
 * page and garble country names such as "Côte d'Ivoire".
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The download's name says what it holds: indicator, grouping, and any filter, e.g.
 * `rilon-refusal_of_entry-by-nationality-from-THA-2026-01-to-2026-10.csv`.
 */
export function csvFileName(
  indicator: Indicator,
  groupBy: Grouping,
  filters: SeriesFilters = {},
): string {
  const parts = ['rilon', indicator, `by-${groupBy}`];
  if (filters.reportingCountry) parts.push(`from-${filters.reportingCountry}`);
  if (filters.nationality) parts.push(`nationality-${filters.nationality}`);
  if (filters.borderType) parts.push(filters.borderType);
  if (filters.from || filters.to)
    parts.push(`${filters.from ?? 'start'}-to-${filters.to ?? 'end'}`);
  return `${parts.join('-')}.csv`;
}
