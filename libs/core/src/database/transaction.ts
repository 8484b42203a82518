import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one transaction. Every write of the portal goes through here so that
 * a change, its audit event and its outbox event commit (or roll back) together.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}

/** Postgres answers numeric aggregates as strings; the API answers integers. */
export function toInt(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value !== '') return Number.parseInt(value, 10);
  return 0;
}
