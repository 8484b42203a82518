import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { directionOf } from './languages';

/**
 * Every string the portal shows comes from a catalogue as an ICU message:
 * `locales/<language>/<namespace>.json`, one namespace per feature (plus `common`).
 * English is bundled; other languages load when picked.
 */
const english = import.meta.glob<Record<string, unknown>>('../../locales/en/*.json', {
  eager: true,
  import: 'default',
});

function namespaces(files: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.entries(files).map(([path, messages]) => [
      path.replace(/^.*\/([^/]+)\.json$/, '$1'),
      messages,
    ]),
  );
}

export const i18n = i18next.createInstance();

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    lng: 'en',
    fallbackLng: 'en',
    ns: Object.keys(namespaces(english)),
    defaultNS: 'common',
    resources: { en: namespaces(english) },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** Sets `<html lang dir>` for the language in use. */
export function applyDocumentLanguage(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

export { useTranslation, Trans } from 'react-i18next';
