import countries, { alpha3ToAlpha2 } from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

/**
 * Country names for the alpha-3 codes the API speaks, in one place for every screen.
 *
 * English comes from the maintained ISO 3166 list the server validates against (its names,
 * e.g. "Myanmar", are the ones the network's documents use); every other language from the
 * browser's own CLDR data (Intl.DisplayNames), so an Urdu or Indonesian reader sees names in
 * their language without the portal shipping a name table per language. A name the browser
 * does not know falls back to the English one, then to the code.
 */
countries.registerLocale(english);

/** ICAO Doc 9303 nationality codes beyond ISO 3166: stateless, refugees, unspecified. */
export const ICAO_CODES = ['XXA', 'XXB', 'XXC', 'XXX'] as const;
export type IcaoCode = (typeof ICAO_CODES)[number];
const ICAO = new Set<string>(ICAO_CODES);

export function isIcaoCode(code: string): code is IcaoCode {
  return ICAO.has(code);
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

function namesIn(language: string): Intl.DisplayNames | null {
  let names = regionNames.get(language);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    regionNames.set(language, names);
  }
  return names;
}

/**
 * The name of an ISO 3166-1 alpha-3 code in `language`, or undefined for a code that is
 * not a country (ICAO codes included: each screen words those in its own catalogue).
 */
export function countryName(alpha3: string, language: string): string | undefined {
  const englishName = countries.getName(alpha3, 'en');
  if (!englishName) return undefined;
  if (language === 'en') return englishName;
  const alpha2 = alpha3ToAlpha2(alpha3);
  return (alpha2 && namesIn(language)?.of(alpha2)) || englishName;
}

/** Every ISO 3166-1 country as alpha-3 and alpha-2, for pickers. */
export function allCountryCodes(): Array<{ alpha3: string; alpha2: string }> {
  return Object.entries(countries.getAlpha3Codes()).map(([alpha3, alpha2]) => ({
    alpha3,
    alpha2,
  }));
}
