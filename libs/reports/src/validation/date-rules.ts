/**
 * Calendar dates as the bodies carry them: `YYYY-MM-DD` and months `YYYY-MM`, in years 1900
 * to 9999: PostgreSQL has no year 0 (`0000-01-01` is an error there, a 500 here), and nothing
 * the network records predates 1900.
 */
const YEAR = '(19\\d{2}|[2-9]\\d{3})';
const DATE = new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`);
export const MONTH_PATTERN = new RegExp(`^${YEAR}-(0[1-9]|1[0-2])$`);

export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/**
 * "Today" where it is latest: a post in UTC+14 is already on the next calendar day, so a
 * date is in the future only once it is after today in every time zone.
 */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` or `YYYY-MM` not after the latest today (string order is date order). */
export function isNotInFuture(value: string, now = new Date()): boolean {
  const today = latestToday(now);
  return value.length === 7 ? value <= today.slice(0, 7) : value <= today;
}
