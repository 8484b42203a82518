import type { DataSource } from 'typeorm';

/** The readiness probe of either app: PostgreSQL answers a trivial statement. */
export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}
