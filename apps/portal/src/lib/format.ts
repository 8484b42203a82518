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

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(locale), {
    calendar: 'gregory',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(locale), {
    calendar: 'gregory',
    dateStyle: 'medium',
    timeZone: iso.length === 10 ? 'UTC' : undefined,
  }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(localeFor(locale)).format(value);
}
