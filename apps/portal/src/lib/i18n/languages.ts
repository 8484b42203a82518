/**
 * The portal's languages. Direction comes from this list, not from ICU: Node's and
 * Chromium's ICU do not know Dhivehi and call it left-to-right (stack-notes.md).
 */
export interface Language {
  code: string;
  /** The language's name in itself. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'id', name: 'Bahasa Indonesia', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
];

/** Right-to-left scripts of the region and beyond, by ISO 639-1 code. */
const RTL = new Set(['ar', 'dv', 'fa', 'he', 'ps', 'ur', 'yi', 'ku', 'sd', 'ug']);

export function directionOf(code: string): 'ltr' | 'rtl' {
  return RTL.has(code.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}
