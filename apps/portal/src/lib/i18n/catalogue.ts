import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Message catalogues and ICU formatting, on FormatJS's IntlMessageFormat. A message is
 * looked up as `namespace:dotted.key` (the namespace defaults to the caller's), in the
 * language in use, then in English; a missing one shows its key, so it is seen and fixed.
 */
export type Messages = { [key: string]: string | Messages };
export type Catalogues = Record<string, Record<string, Messages>>;
export type Values = Record<string, string | number | boolean | Date | null | undefined>;

export const FALLBACK = 'en';

export function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Compiled messages by language and source text, shared by every Translator (there is a
 * new one per catalogue load or language switch): a message is parsed once a page.
 */
const compiled = new Map<string, IntlMessageFormat | string>();

/**
 * A message with no argument, tag or quoting is its own text, and skips the ICU parser:
 * most of a screen's labels. (A lone apostrophe is literal in ICU; only `''`, or one before
 * a brace, quotes something.)
 */
/**
 * Intl formatters (plural rules, numbers, dates) and resolved locales are slow to make:
 * every message shares them, where IntlMessageFormat would make its own for each.
 */
function memoised<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let value = made.get(key);
    if (value === undefined) {
      value = make(...args);
      made.set(key, value);
    }
    return value;
  };
}
const formatters = {
  getNumberFormat: memoised(
    (locales?: string | string[], options?: Intl.NumberFormatOptions) =>
      new Intl.NumberFormat(locales, options),
  ),
  getDateTimeFormat: memoised(
    (locales?: string | string[], options?: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locales, options),
  ),
  getPluralRules: memoised(
    (locales?: string | string[], options?: Intl.PluralRulesOptions) =>
      new Intl.PluralRules(locales, options),
  ),
};
// The constructor resolves its locale for each message; the answer is the same each time.
IntlMessageFormat.resolveLocale = memoised(IntlMessageFormat.resolveLocale);

export function isPlainMessage(source: string): boolean {
  return !/[{}<>]/.test(source) && !source.includes("''");
}

export class Translator {
  constructor(
    private readonly catalogues: Catalogues,
    readonly language: string,
  ) {}

  translate(defaultNamespace: string, key: string, values?: Values): string {
    const split = key.indexOf(':');
    const namespace = split > 0 ? key.slice(0, split) : defaultNamespace;
    const path = split > 0 ? key.slice(split + 1) : key;
    for (const language of [this.language, FALLBACK]) {
      const source = lookup(this.catalogues[language]?.[namespace], path);
      if (source === undefined) continue;
      const id = `${language}\u0000${source}`;
      let format = compiled.get(id);
      if (format === undefined) {
        format = isPlainMessage(source)
          ? source
          : new IntlMessageFormat(source, language, undefined, { formatters });
        compiled.set(id, format);
      }
      if (typeof format === 'string') return format;
      const result = format.format(values);
      return Array.isArray(result) ? result.join('') : String(result);
    }
    return key;
  }
}
