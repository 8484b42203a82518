import * as countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';

/** ISO 3166-1 alpha-3, from a maintained list (docs/domain.md, "Codes"). */
const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));

/** ICAO Doc 9303 nationality codes: stateless, refugee (1951), refugee (other), unspecified. */
export const ICAO_NATIONALITY_CODES = ['XXA', 'XXB', 'XXC', 'XXX'] as const;
const NATIONALITIES = new Set([...ALPHA3, ...ICAO_NATIONALITY_CODES]);

/** A country as a place (issuing state, route, location): ISO 3166-1 alpha-3 only. */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && ALPHA3.has(value);
}

/** A nationality: ISO 3166-1 alpha-3 or one of the ICAO XX codes. */
export function isNationalityCode(value: unknown): value is string {
  return typeof value === 'string' && NATIONALITIES.has(value);
}

/** ISO 639-1, lower case as the standard writes it (`en`, `th`). */
export function isLanguageCode(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z]{2}$/.test(value) && ISO6391.validate(value);
}

/** IATA airport codes are three capital letters. */
export const AIRPORT_CODE = /^[A-Z]{3}$/;
