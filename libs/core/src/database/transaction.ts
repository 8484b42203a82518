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
