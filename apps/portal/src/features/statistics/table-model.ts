import type { Grouping } from './codes';
import type { Point } from './series-shape';

export interface SeriesTableModel {
  head: [string, string];
  rows: Array<{ key: string; label: string; count: number }>;
  total: [string, number];
}

interface Words {
  grouping: (groupBy: Grouping) => string;
  key: (groupBy: Grouping, key: string) => string;
  count: string;
  total: string;
}

/**
 * The table of a series: one model renders the HTML table and writes the CSV, so the
 * download is exactly what the table shows (numbers unformatted in the CSV, so that a
 * spreadsheet in any language reads them as numbers).
 */
export function seriesTable(
  groupBy: Grouping,
  ordered: readonly Point[],
  words: Words,
): SeriesTableModel {
  return {
    head: [words.grouping(groupBy), words.count],
    rows: ordered.map((p) => ({ key: p.key, label: words.key(groupBy, p.key), count: p.count })),
    total: [words.total, ordered.reduce((sum, p) => sum + p.count, 0)],
  };
}

export function tableCsvRows(model: SeriesTableModel): Array<Array<string | number>> {
  return [model.head, ...model.rows.map((r) => [r.label, r.count]), model.total];
}
