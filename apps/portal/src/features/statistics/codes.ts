import { getAlpha3Codes } from 'i18n-iso-countries';
import type { Schemas } from '../../lib/api/client';
import type { SameValues } from '../../lib/api/same-values';
import type { paths } from '../../lib/api/schema';

/** The nine FRAN-style indicators of migration_statistics observations (docs/domain.md, "migration_statistics"). */
export const INDICATORS = [
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
export type Indicator = (typeof INDICATORS)[number];

export const GROUPINGS = ['month', 'nationality', 'reportingCountry', 'borderType'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const BORDER_TYPES = ['air', 'sea', 'land', 'inland', 'unspecified'] as const;
export type BorderType = (typeof BORDER_TYPES)[number];

import { ICAO_CODES } from '../../lib/countries';

export { ICAO_CODES };

// The same maintained list the server validates against, so a code the form offers is one
// the API takes.
const ALPHA3 = new Set(Object.keys(getAlpha3Codes()));
const NATIONALITIES = new Set([...ALPHA3, ...ICAO_CODES]);

type SeriesParameters = NonNullable<
  paths['/api/v1/statistics/series']['get']['parameters']['query']
>;
/** The codes GET /statistics/series takes, as the OpenAPI document lists them. */
export type CountryCode = NonNullable<SeriesParameters['reportingCountry']>;
export type NationalityCode = NonNullable<SeriesParameters['nationality']>;

export function isCountry(code: string): code is CountryCode {
  return ALPHA3.has(code);
}

export function isNationality(code: string): code is NationalityCode {
  return NATIONALITIES.has(code);
}

export function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** A month as the API writes it, `YYYY-MM`, years 1900 to 9999 (as the server's rule). */
const MONTH = /^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

// The same union the OpenAPI document declares for the series' indicator.
export const INDICATORS_MATCH_THE_CONTRACT: SameValues<
  typeof INDICATORS,
  Schemas['SeriesDto']['indicator']
> = INDICATORS;
