import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { useTranslation } from '../../lib/i18n/i18n';
import { parseCountries } from './rules';

// The maintained list the server checks against too (its names in English, for now).
countries.registerLocale(english);
const ICAO = new Set(['XXA', 'XXB', 'XXC', 'XXX']);

/** The codes typed so far, read back as names, so a wrong code shows before saving. */
export function CountryNames({ id, text }: { id: string; text: string }) {
  const { t, i18n } = useTranslation('subscriptions');
  const codes = parseCountries(text).filter((code) => /^[A-Z]{3}$/.test(code));
  if (codes.length === 0) return null;
  const names = codes.map((code) => {
    const name = ICAO.has(code)
      ? t(`rule.icao.${code}`)
      : (countries.getName(code, i18n.language) ?? countries.getName(code, 'en'));
    return name ? t('rule.countryName', { name, code }) : t('rule.unknownCode', { code });
  });
  return (
    <p id={id} className="field-hint subscriptions-countries">
      {t('rule.countriesRead', { names: names.join('; ') })}
    </p>
  );
}
