import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { FALLBACK, Translator, type Catalogues, type Messages, type Values } from './catalogue';
import { directionOf } from './languages';

/**
 * Every string the portal shows comes from a catalogue as an ICU message:
 * `locales/<language>/<namespace>.json`, one namespace per feature (plus `common`).
 * English is bundled; other languages load when picked. Formatting is FormatJS's
 * IntlMessageFormat: a full i18n framework would cost a sixth of the first page's budget.
 */
const english = import.meta.glob<Messages>('../../locales/en/*.json', {
  eager: true,
  import: 'default',
});

function byNamespace(files: Record<string, Messages>): Record<string, Messages> {
  return Object.fromEntries(
    Object.entries(files).map(([path, messages]) => [
      path.replace(/^.*\/([^/]+)\.json$/, '$1'),
      messages,
    ]),
  );
}

const catalogues: Catalogues = { [FALLBACK]: byNamespace(english) };
let translator = new Translator(catalogues, FALLBACK);
const listeners = new Set<() => void>();

export const i18n = {
  get language(): string {
    return translator.language;
  },
  /** Switches the language (its catalogue must be loaded: see `addCatalogue`). */
  changeLanguage(language: string): void {
    translator = new Translator(catalogues, language);
    applyDocumentLanguage(language);
    for (const listener of listeners) listener();
  },
  addCatalogue(language: string, namespaces: Record<string, Messages>): void {
    catalogues[language] = { ...(catalogues[language] ?? {}), ...namespaces };
  },
  t(key: string, values?: Values): string {
    return translator.translate('common', key, values);
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type TFunction = (key: string, values?: Values) => string;

/** `t` for a namespace (`t('key')`, or `t('common:key')` for another one), and the language. */
export function useTranslation(namespace = 'common'): {
  t: TFunction;
  i18n: { language: string };
} {
  const current = useSyncExternalStore(subscribe, () => translator);
  const t = useCallback<TFunction>(
    (key, values) => current.translate(namespace, key, values),
    [current, namespace],
  );
  return useMemo(() => ({ t, i18n: { language: current.language } }), [t, current]);
}

/** Sets `<html lang dir>` for the language in use. */
export function applyDocumentLanguage(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}
