import { useCallback } from 'react';
import { allCountryCodes, countryName, isIcaoCode } from '../../lib/countries';
import { useTranslation } from '../../lib/i18n/i18n';

export { ICAO_CODES } from '../../lib/countries';

/** Words for the codes a report carries: countries, months, languages, code lists. */
export function useLabels() {
  const { t, i18n } = useTranslation('reports');
  const language = i18n.language;

  const country = useCallback(
    (code: string): string => {
      if (isIcaoCode(code)) return t(`country.${code}`);
      return countryName(code, language) ?? code;
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
  return allCountryCodes()
    .map(({ alpha3 }) => ({ code: alpha3, name: countryName(alpha3, language) ?? alpha3 }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
