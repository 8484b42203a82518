/**
 * The server's date rules (libs/reports/src/validation/date-rules.ts) on the client: dates
 * `YYYY-MM-DD` and months `YYYY-MM` in years 1900 to 9999, and "not in the future" judged
 * where today is latest (UTC+14), so the form never refuses what the server would take.
 */
const YEAR = '(19\\d{2}|[2-9]\\d{3})';
const DATE = new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`);
const MONTH = new RegExp(`^${YEAR}-(0[1-9]|1[0-2])$`);

export function isDateOnly(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` or `YYYY-MM` not after the latest today (string order is date order). */
export function isNotInFuture(value: string, now = new Date()): boolean {
  const today = latestToday(now);
  return value.length === 7 ? value <= today.slice(0, 7) : value <= today;
}
