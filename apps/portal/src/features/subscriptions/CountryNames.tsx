import { countryName, isIcaoCode } from '../../lib/countries';
import { useTranslation } from '../../lib/i18n/i18n';
import { parseCountries } from './rules';

/** The codes typed so far, read back as names, so a wrong code shows before saving. */
export function CountryNames({ id, text }: { id: string; text: string }) {
  const { t, i18n } = useTranslation('subscriptions');
  const codes = parseCountries(text).filter((code) => /^[A-Z]{3}$/.test(code));
  if (codes.length === 0) return null;
  const names = codes.map((code) => {
    const name = isIcaoCode(code) ? t(`rule.icao.${code}`) : countryName(code, i18n.language);
    return name ? t('rule.countryName', { name, code }) : t('rule.unknownCode', { code });
  });
  return (
    <p id={id} className="field-hint subscriptions-countries">
      {t('rule.countriesRead', { names: names.join('; ') })}
    </p>
  );
}
