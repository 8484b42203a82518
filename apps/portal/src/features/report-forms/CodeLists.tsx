import { useMemo } from 'react';
import { useFormsT } from './use-forms-t';
import { countryOptions, ICAO_NATIONALITY_CODES } from './codes';

export const COUNTRY_LIST = 'report-form-countries';
export const NATIONALITY_LIST = 'report-form-nationalities';

/**
 * The code suggestions every country and nationality input points at: rendered once per
 * form (not once per input), names in the reader's language from Intl.
 */
export function CodeLists() {
  const { t, language } = useFormsT();
  const countries = useMemo(() => countryOptions(language), [language]);
  return (
    <>
      <datalist id={COUNTRY_LIST}>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </datalist>
      <datalist id={NATIONALITY_LIST}>
        {ICAO_NATIONALITY_CODES.map((code) => (
          <option key={code} value={code}>
            {t(`codes.icao.${code}`)}
          </option>
        ))}
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </datalist>
    </>
  );
}
