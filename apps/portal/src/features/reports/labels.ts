import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { useCallback } from 'react';
import { useTranslation } from '../../lib/i18n/i18n';

// Country names come from a maintained list (domain.md), English bundled with this chunk.
countries.registerLocale(english);

/** ICAO Doc 9303 nationality codes beyond ISO 3166: stateless, refugees, unspecified. */
export const ICAO_CODES = ['XXA', 'XXB', 'XXC', 'XXX'] as const;
const ICAO = new Set<string>(ICAO_CODES);

/** Words for the codes a report carries: countries, months, languages, code lists. */
export function useLabels() {
  const { t, i18n } = useTranslation('reports');
  const language = i18n.language;

  const country = useCallback(
    (code: string): string => {
      if (ICAO.has(code)) return t(`country.${code}`);
      return (
        countries.getName(code, language, { select: 'official' }) ??
        countries.getName(code, 'en', { select: 'official' }) ??
        code
      );
    },
    [t, language],
  );

  const month = useCallback(
    (period: string): string => {
      const date = new Date(`${period}-01T00:00:00Z`);
      if (!/^\d{4}-\d{2}$/.test(period) || Number.isNaN(date.getTime())) return period;
      return new Intl.DateTimeFormat(language, {
        calendar: 'gregory',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date);
    },
    [language],
  );

  const spokenLanguage = useCallback(
    (code: string): string => {
      try {
        return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    },
    [language],
  );

  /** A code of one of the body's lists (code.<list>.<value>); an unknown one shows as it is. */
  const code = useCallback(
    (list: string, value: string): string => t(`code.${list}.${value}`, { defaultValue: value }),
    [t],
  );

  return { country, month, spokenLanguage, code, language };
}

/** Every country code a filter may name, with its name, for the country field's suggestions. */
export function countryOptions(language: string): Array<{ code: string; name: string }> {
  const names = countries.getNames(language, { select: 'official' });
  const fallback = countries.getNames('en', { select: 'official' });
  return Object.entries(countries.getAlpha3Codes())
    .map(([alpha3, alpha2]) => ({
      code: alpha3,
      name: names[alpha2] ?? fallback[alpha2] ?? alpha3,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
