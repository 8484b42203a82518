import { useMemo } from 'react';
import { Field } from '../../components/Field';
import { useTranslation } from '../../lib/i18n/i18n';
import { countryOptions, ICAO_CODES } from './labels';

interface SelectProps {
  name: string;
  label: string;
  value: string | undefined;
  options: Array<[string, string]>;
  /** The first choice, which leaves the filter out. */
  any: string;
}

/** One filter as a native select; the empty choice means "no filter". */
export function FilterSelect({ name, label, value, options, any }: SelectProps) {
  return (
    <Field name={name} label={label}>
      {(control) => (
        // Keyed by its options: the teams arrive after the first render, and an
        // uncontrolled select only takes its default value when it is created.
        <select {...control} key={options.length} name={name} defaultValue={value ?? ''}>
          <option value="">{any}</option>
          {options.map(([code, text]) => (
            <option key={code} value={code}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The country filter: a text input that takes a code, with every code and its name as
 * native suggestions (a <datalist>, so no widget library is needed for it).
 */
export function CountryFilter({ value, error }: { value: string | undefined; error?: string }) {
  const { t, i18n } = useTranslation('reports');
  const countries = useMemo(
    () => [
      ...countryOptions(i18n.language),
      ...ICAO_CODES.map((code) => ({ code, name: t(`country.${code}`) })),
    ],
    [i18n.language, t],
  );
  return (
    <>
      <Field name="country" label={t('list.country')} hint={t('list.countryHint')} error={error}>
        {(control) => (
          <input
            {...control}
            type="text"
            name="country"
            list="country-codes"
            defaultValue={value ?? ''}
            autoCapitalize="characters"
            spellCheck={false}
            className="input-code"
          />
        )}
      </Field>
      <datalist id="country-codes">
        {countries.map((country) => (
          <option key={country.code} value={country.code} label={country.name} />
        ))}
      </datalist>
    </>
  );
}
