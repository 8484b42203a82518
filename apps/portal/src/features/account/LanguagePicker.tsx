import { Field } from '../../components/Field';
import { useAnnouncer } from '../../components/Announcer';
import { i18n, LANGUAGE_KEY, useTranslation } from '../../lib/i18n/i18n';
import { LANGUAGES } from '../../lib/i18n/languages';

/** Remembers the choice in this browser; the portal reads it at start (lib/i18n). */
function remember(code: string): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, code);
  } catch {
    // Storage blocked: the choice holds until the page is reloaded.
  }
}

/** The portal's language: a native select labelled "Language" (portal.md), each name in itself. */
export function LanguagePicker() {
  const { t, i18n: current } = useTranslation('account');
  const { announce } = useAnnouncer();
  return (
    // Not a named region: "Language" must label the select alone (portal.md, getByLabel).
    <section>
      <h2>{t('language.heading')}</h2>
      <Field name="language" label={t('language.label')} hint={t('language.hint')}>
        {(control) => (
          <select
            {...control}
            name="language"
            value={current.language}
            onChange={(event) => {
              const code = event.target.value;
              remember(code);
              i18n.changeLanguage(code);
              const name = LANGUAGES.find((language) => language.code === code)?.name ?? code;
              announce(i18n.t('account:language.changed', { name }));
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </section>
  );
}
