import { DataSource, EntityManager } from 'typeorm';
import { isDeadlock } from './pg-errors';

/**
 * Runs work in one transaction. Every write of the portal goes through here so that
 * a change, its audit event and its outbox event commit (or roll back) together.
 * A transaction that PostgreSQL failed to break a deadlock runs once more, afresh (its
 * first run rolled back whole); a second deadlock is the caller's (a 503).
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  // PostgreSQL's default isolation (READ COMMITTED); naming it would cost a round trip.
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (!isDeadlock(error)) throw error;
    return dataSource.transaction(work);
  }
}

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

/**
 * The driver's pg pool, for the few hot queries that run on every request: it skips
 * TypeORM's per-query QueryRunner (measured at about a sixth of a signed-in GET's CPU).
 */
export function pgPool(dataSource: DataSource): {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
} {
  return (
    dataSource.driver as unknown as {
      master: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> };
    }
  ).master;
}
