/**
 * Dates and numbers for the language in use, always in the Gregorian calendar (some
 * locales of the region default to another one).
 */
/**
 * The portal's English is British (the network's working documents are), so dates read
 * "2 Dec 2026, 14:05" rather than the US order.
 */
function localeFor(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** An Intl formatter is slow to make and can be reused: one per language and kind. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(
  kind: string,
  language: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}|${language}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeFor(language), { calendar: 'gregory', ...options });
    formatters.set(key, format);
  }
  return format as Intl.DateTimeFormat;
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat('date-time', locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return iso.length === 10
    ? dateFormat('day', locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
    : dateFormat('date', locale, { dateStyle: 'medium' }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  const key = `number|${locale}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeFor(locale));
    formatters.set(key, format);
  }
  return format.format(value);
}
