import 'reflect-metadata';
import { ConfigError, loadConfig, STATEMENT_TIMEOUTS } from '@rilon/core';
import { DataSource } from 'typeorm';
import { rilonDataSourceOptions } from '../../../migrations/data-source';

/** `npm run migration:run`: applies pending migrations as the schema owner: MIGRATION_DATABASE_URL, else DATABASE_URL. */
async function main(): Promise<void> {
  let databaseUrl: string;
  try {
    databaseUrl = loadConfig().migrationDatabaseUrl;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`rilon-migrate: configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const dataSource = new DataSource(
    rilonDataSourceOptions(databaseUrl, 'rilon-migrate', 1, STATEMENT_TIMEOUTS.migrate),
  );
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(`rilon-migrate: ${applied.length} migration(s) applied\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `rilon-migrate: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
