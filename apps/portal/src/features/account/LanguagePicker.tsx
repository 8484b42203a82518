import { useEffect, useRef, useState } from 'react';
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

/** The portal's language: a native select labelled "Language" (docs/architecture.md, "The web portal"), each name in itself. */
export function LanguagePicker() {
  const { t, i18n: current } = useTranslation('account');
  const { announce, toast } = useAnnouncer();
  // The language being loaded: the select shows it meanwhile, and the page stays as it is.
  const [loading, setLoading] = useState<string | null>(null);
  // The page's heading takes focus when its title changes (PageHeading): after a change
  // of language, the focus comes back here, where the user was (WCAG 3.2.2, on input).
  const select = useRef<HTMLSelectElement>(null);
  const picked = useRef(false);
  useEffect(() => {
    if (!picked.current) return;
    picked.current = false;
    select.current?.focus();
  }, [current.language]);

  const pick = async (code: string): Promise<void> => {
    setLoading(code);
    try {
      // Its catalogues and font first: the page then re-renders once, in the new language,
      // without suspending (focus stays on this select).
      await i18n.prepare(code);
    } catch {
      setLoading(null);
      toast(t('common:error.offline'), 'error');
      return;
    }
    remember(code);
    picked.current = true;
    i18n.changeLanguage(code);
    setLoading(null);
    const name = LANGUAGES.find((language) => language.code === code)?.name ?? code;
    announce(i18n.t('account:language.changed', { name }));
  };

  return (
    // Not a named region: "Language" must label the select alone (docs/architecture.md, "The web portal": tests find it with getByLabel).
    <section>
      <h2>{t('language.heading')}</h2>
      <Field name="language" label={t('language.label')} hint={t('language.hint')}>
        {(control) => (
          <select
            {...control}
            ref={select}
            name="language"
            value={loading ?? current.language}
            aria-busy={loading ? true : undefined}
            onChange={(event) => void pick(event.target.value)}
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
