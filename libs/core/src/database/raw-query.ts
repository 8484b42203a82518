/** Postgres answers numeric aggregates as strings; the API answers integers. */
export function toInt(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value !== '') return Number.parseInt(value, 10);
  return 0;
}

/**
 * Rows of a raw query. TypeORM answers an UPDATE or DELETE … RETURNING with
 * `[rows, affectedCount]` but a SELECT or INSERT with the rows; this evens it out.
 */
export async function queryRows<T>(
  manager: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
