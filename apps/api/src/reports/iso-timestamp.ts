/** A timestamp from the database as the DTOs answer it: ISO 8601 in UTC, null kept. */
export function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
