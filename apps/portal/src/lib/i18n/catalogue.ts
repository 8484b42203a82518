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

export class Translator {
  private readonly compiled = new Map<string, IntlMessageFormat>();

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
      const id = `${language}|${namespace}|${path}`;
      let format = this.compiled.get(id);
      if (!format) {
        format = new IntlMessageFormat(source, language);
        this.compiled.set(id, format);
      }
      const result = format.format(values);
      return Array.isArray(result) ? result.join('') : String(result);
    }
    return key;
  }
}
