import { useCallback, useMemo } from 'react';
import { allCountryCodes, countryName, isIcaoCode } from '../../lib/countries';
import { formatNumber } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { ICAO_CODES, type Grouping } from './codes';

export interface StatsLabels {
  language: string;
  indicator: (code: string) => string;
  grouping: (code: Grouping) => string;
  country: (code: string) => string;
  /** "Sri Lanka (LKA)": the name to read, the code officers know. */
  countryWithCode: (code: string) => string;
  /** A `YYYY-MM` month in words, always in the Gregorian calendar ("Sept 2026"). */
  month: (key: string) => string;
  /** A series key in words, for its grouping. */
  key: (groupBy: Grouping, key: string) => string;
  number: (value: number) => string;
}

export function useStatsLabels(): StatsLabels {
  const { t, i18n } = useTranslation('statistics');
  const language = i18n.language;

  const country = useCallback(
    (code: string) =>
      isIcaoCode(code) ? t(`country.${code}`) : (countryName(code, language) ?? code),
    [t, language],
  );
  const countryWithCode = useCallback(
    (code: string) => t('country.withCode', { name: country(code), code }),
    [t, country],
  );
  const monthFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
        calendar: 'gregory',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    [language],
  );
  const month = useCallback(
    (key: string) => {
      const date = new Date(`${key}-01T00:00:00Z`);
      return /^\d{4}-\d{2}$/.test(key) && !Number.isNaN(date.getTime())
        ? monthFormat.format(date)
        : key;
    },
    [monthFormat],
  );

  return useMemo(() => {
    const labels: StatsLabels = {
      language,
      indicator: (code) => t(`indicator.${code}`),
      grouping: (code) => t(`grouping.${code}`),
      country,
      countryWithCode,
      month,
      key: (groupBy, key) => {
        switch (groupBy) {
          case 'month':
            return month(key);
          case 'nationality':
          case 'reportingCountry':
            return countryWithCode(key);
          case 'borderType':
            return t(`borderType.${key}`);
        }
      },
      number: (value) => formatNumber(value, language),
    };
    return labels;
  }, [language, t, country, countryWithCode, month]);
}

/** Every country a filter may name, by name in the language in use. */
export function countryChoices(
  language: string,
  withIcao: boolean,
  icaoName: (c: string) => string,
) {
  const list = allCountryCodes().map(({ alpha3 }) => ({
    code: alpha3,
    name: countryName(alpha3, language) ?? alpha3,
  }));
  list.sort((a, b) => a.name.localeCompare(b.name, language));
  return withIcao ? [...list, ...ICAO_CODES.map((code) => ({ code, name: icaoName(code) }))] : list;
}
