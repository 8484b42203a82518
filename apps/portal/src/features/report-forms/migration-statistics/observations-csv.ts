import { BORDER_TYPES, isNationalityCode, STATISTICS_INDICATORS } from '../codes';
import { csvRecords } from './csv-records';

export const MAX_OBSERVATIONS = 2000;
const COLUMNS = ['indicator', 'nationality', 'borderType', 'count'] as const;
type Column = (typeof COLUMNS)[number];

/** A row as the form holds it (count as typed), with the CSV line it came from. */
export interface ObservationRow {
  indicator: string;
  nationality: string;
  borderType: string;
  count: string;
  line?: number;
}

export type CsvProblemCode =
  | 'empty'
  | 'noRows'
  | 'openQuote'
  | 'missingColumn'
  | 'unknownColumn'
  | 'repeatedColumn'
  | 'fieldCount'
  | 'indicator'
  | 'nationality'
  | 'borderType'
  | 'count'
  | 'tooManyRows';

/** What is wrong, where: the UI words it (the catalogue holds the messages). */
export interface CsvProblem {
  line: number;
  code: CsvProblemCode;
  value?: string;
}

/** Headers match whatever their case, spacing or separators: "Border type" is borderType. */
function columnOf(header: string): Column | null {
  const key = header.toLowerCase().replace(/[^a-z]/g, '');
  return COLUMNS.find((c) => c.toLowerCase() === key) ?? null;
}

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

/**
 * Parses observations with a header row naming the four columns in any order. Either all
 * rows come back, or none and the problems with their line numbers (a partial import would
 * leave the author guessing which figures are in).
 */
export function parseObservationsCsv(
  text: string,
  maxRows = MAX_OBSERVATIONS,
): { rows: ObservationRow[]; problems: CsvProblem[] } {
  const { records, openQuoteLine } = csvRecords(text);
  if (openQuoteLine !== null)
    return { rows: [], problems: [{ line: openQuoteLine, code: 'openQuote' }] };
  const nonBlank = records.filter((r) => !isBlank(r.fields));
  const [header, ...data] = nonBlank;
  if (!header) return { rows: [], problems: [{ line: 1, code: 'empty' }] };

  const problems: CsvProblem[] = [];
  const positions = new Map<Column, number>();
  header.fields.forEach((name, index) => {
    const column = columnOf(name);
    if (!column) problems.push({ line: header.line, code: 'unknownColumn', value: name.trim() });
    else if (positions.has(column))
      problems.push({ line: header.line, code: 'repeatedColumn', value: name.trim() });
    else positions.set(column, index);
  });
  for (const column of COLUMNS)
    if (!positions.has(column))
      problems.push({ line: header.line, code: 'missingColumn', value: column });
  if (problems.length) return { rows: [], problems };
  if (data.length === 0) return { rows: [], problems: [{ line: header.line, code: 'noRows' }] };
  if (data.length > maxRows)
    return {
      rows: [],
      problems: [
        { line: data[maxRows]?.line ?? header.line, code: 'tooManyRows', value: String(maxRows) },
      ],
    };

  const rows: ObservationRow[] = [];
  for (const record of data) {
    const extra = record.fields.slice(header.fields.length);
    if (record.fields.length < header.fields.length || !isBlank(extra)) {
      problems.push({ line: record.line, code: 'fieldCount', value: String(record.fields.length) });
      continue;
    }
    const cell = (c: Column) => (record.fields[positions.get(c) ?? -1] ?? '').trim();
    const row: ObservationRow = {
      indicator: cell('indicator').toLowerCase(),
      nationality: cell('nationality').toUpperCase(),
      borderType: cell('borderType').toLowerCase(),
      count: cell('count'),
      line: record.line,
    };
    if (!(STATISTICS_INDICATORS as readonly string[]).includes(row.indicator))
      problems.push({ line: record.line, code: 'indicator', value: cell('indicator') });
    if (!isNationalityCode(row.nationality))
      problems.push({ line: record.line, code: 'nationality', value: cell('nationality') });
    if (!(BORDER_TYPES as readonly string[]).includes(row.borderType))
      problems.push({ line: record.line, code: 'borderType', value: cell('borderType') });
    if (!/^\d+$/.test(row.count) || Number(row.count) > 1_000_000_000)
      problems.push({ line: record.line, code: 'count', value: cell('count') });
    rows.push(row);
  }
  return problems.length ? { rows: [], problems } : { rows, problems: [] };
}
