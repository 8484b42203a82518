import { use, useCallback, useMemo, useSyncExternalStore } from 'react';
import { FALLBACK, Translator, type Catalogues, type Messages, type Values } from './catalogue';
import { loadFont } from './fonts';
import { directionOf, LANGUAGES } from './languages';

/**
 * Every string the portal shows comes from a catalogue as an ICU message:
 * `locales/<language>/<namespace>.json`, one namespace per feature (plus `common`).
 * The first page's English namespaces come with it; every other catalogue loads with its
 * feature or its language. Formatting is FormatJS's IntlMessageFormat: a full i18n
 * framework would cost a sixth of the first page's budget.
 */
const firstPage = import.meta.glob<Messages>('../../locales/en/{common,auth,inbox}.json', {
  eager: true,
  import: 'default',
});
const loaders = import.meta.glob<Messages>('../../locales/*/*.json', { import: 'default' });

function parts(path: string): { language: string; namespace: string } {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return { language: match?.[1] ?? FALLBACK, namespace: match?.[2] ?? 'common' };
}

const catalogues: Catalogues = {};
for (const [path, messages] of Object.entries(firstPage)) {
  const { language, namespace } = parts(path);
  (catalogues[language] ??= {})[namespace] = messages;
}
const pending = new Map<string, Promise<void>>();

/** Loads one catalogue (and English, its fallback); resolves at once when it is there. */
function loadNamespace(language: string, namespace: string): Promise<void> {
  const id = `${language}/${namespace}`;
  let promise = pending.get(id);
  if (!promise) {
    const wanted = [...new Set([FALLBACK, language])].filter(
      (code) => !catalogues[code]?.[namespace],
    );
    promise = Promise.all(
      wanted.map(async (code) => {
        const load = loaders[`../../locales/${code}/${namespace}.json`];
        (catalogues[code] ??= {})[namespace] = load ? await load() : {};
      }),
    ).then(
      () => {
        // A new translator makes every component that reads messages render again.
        translator = new Translator(catalogues, translator.language);
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        pending.delete(id); // a failed load (offline) is tried again next time
        throw error;
      },
    );
    pending.set(id, promise);
  }
  return promise;
}

const NAMESPACES = Object.keys(loaders)
  .map(parts)
  .filter((file) => file.language === FALLBACK)
  .map((file) => file.namespace);
const everything = new Map<string, Promise<void>>();

/**
 * Every catalogue of a language at once, the first time a screen past the first page
 * needs one (about 15 kB gzip for English): one wait, instead of a screen that suspends
 * again each time a part of it with another namespace appears.
 */
function loadEverything(language: string): Promise<void> {
  let promise = everything.get(language);
  if (!promise) {
    promise = Promise.all(NAMESPACES.map((namespace) => loadNamespace(language, namespace))).then(
      () => undefined,
      (error: unknown) => {
        everything.delete(language);
        throw error;
      },
    );
    everything.set(language, promise);
  }
  return promise;
}

function loaded(language: string, namespace: string): boolean {
  // A namespace with no catalogue at all shows its keys rather than wait forever.
  if (!NAMESPACES.includes(namespace)) return true;
  return (
    Boolean(catalogues[FALLBACK]?.[namespace]) &&
    Boolean(catalogues[language]?.[namespace] ?? language === FALLBACK)
  );
}

/** The language picked on the Account page: a preference, not sensitive, kept in this browser. */
export const LANGUAGE_KEY = 'rilon.language';

/** The saved language if the portal has it (a stale or forged value is ignored). */
function savedLanguage(): string {
  try {
    const code = localStorage.getItem(LANGUAGE_KEY);
    return code && LANGUAGES.some((language) => language.code === code) ? code : FALLBACK;
  } catch {
    return FALLBACK; // storage blocked (a privacy setting): the default language
  }
}

/** The namespaces of the first page: the ones a language brings before it is shown. */
const FIRST_PAGE = ['common', 'auth', 'inbox'];

let translator = new Translator(catalogues, FALLBACK);
const listeners = new Set<() => void>();

export const i18n = {
  get language(): string {
    return translator.language;
  },
  /** Switches the language (prepare() it first, or its first render suspends). */
  changeLanguage(language: string): void {
    void loadFont(language).catch(() => undefined); // prepare() waited for it already
    translator = new Translator(catalogues, language);
    applyDocumentLanguage(language);
    for (const listener of listeners) listener();
  },
  /**
   * Loads what a language needs before it is shown: its catalogues of the first page and
   * of every feature opened so far (so that nothing on screen suspends, and focus stays
   * on the Account page's select), and its font. Then switch with changeLanguage.
   */
  /**
   * Starts loading a screen's catalogues in the language in use, before the screen
   * renders (a page opened by its address): it then need not suspend for them.
   */
  preload(namespaces: readonly string[]): Promise<void> {
    return Promise.all(
      namespaces.map((namespace) => loadNamespace(translator.language, namespace)),
    ).then(() => undefined);
  },
  prepare(language: string): Promise<void> {
    const namespaces = new Set([...FIRST_PAGE, ...Object.keys(catalogues[FALLBACK] ?? {})]);
    return Promise.all([
      ...[...namespaces].map((namespace) => loadNamespace(language, namespace)),
      loadFont(language),
    ]).then(() => undefined);
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
  // A feature's catalogue arrives with the feature: suspend (the route's Suspense shows
  // "Loading") until it is there.
  if (!loaded(current.language, namespace)) use(loadEverything(current.language));
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

// At start, the saved language's catalogues (and font) arrive before the first render: this
// module's top-level await holds main.tsx until then, so the page never shows in English
// first, nor a blank suspended screen. English needs nothing and starts at once. If they
// cannot be loaded (offline), the portal starts in English.
const saved = savedLanguage();
if (saved !== FALLBACK) {
  try {
    await i18n.prepare(saved);
    translator = new Translator(catalogues, saved);
  } catch {
    // Stay in English; the Account page can pick the language again.
  }
}
