import { getAlpha3Codes } from 'i18n-iso-countries';
import { ICAO_NATIONALITY_CODES } from '../validation/code-lists';

/** The FRAN-style indicators a migration_statistics observation may carry (docs/domain.md, "migration_statistics"). */
export const STATISTICS_INDICATORS = [
  'irregular_border_crossing',
  'facilitator_detected',
  'refusal_of_entry',
  'illegal_stay',
  'fraudulent_document',
  'asylum_application',
  'trafficking_victim_identified',
  'return_decision',
  'effective_return',
] as const;
export type StatisticsIndicator = (typeof STATISTICS_INDICATORS)[number];

export const BORDER_TYPES = ['air', 'sea', 'land', 'inland', 'unspecified'] as const;
export type BorderType = (typeof BORDER_TYPES)[number];

/** How GET /statistics/series may group the sums. */
export const SERIES_GROUPINGS = ['month', 'nationality', 'reportingCountry', 'borderType'] as const;
export type SeriesGrouping = (typeof SERIES_GROUPINGS)[number];

/** A month as the API writes it: `YYYY-MM`, years 1900 to 9999 (the one rule, in date-rules). */
export { MONTH_PATTERN } from '../validation/date-rules';

/** `YYYY-MM` to the first day of that month, as the ledger stores periods. */
export function monthToDate(month: string): string {
  return `${month}-01`;
}

/** ISO 3166-1 alpha-3 codes, from the maintained list rather than a hand-typed table. */
export const COUNTRY_ALPHA3_CODES: readonly string[] = Object.keys(getAlpha3Codes());

/** Nationalities: a country, or ICAO Doc 9303 stateless / refugee / unspecified codes. */
export const NATIONALITY_CODES: readonly string[] = [
  ...COUNTRY_ALPHA3_CODES,
  ...ICAO_NATIONALITY_CODES,
];
