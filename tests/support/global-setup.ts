import 'reflect-metadata';
import { DataSource } from 'typeorm';
// Global setup runs outside Jest's module map, so no @rilon aliases here: migrations need no entities.
import { buildDataSourceOptions } from '../../libs/core/src/database/data-source-options';
import { MIGRATIONS } from '../../migrations';
import { databaseUrl, ensureRuntimeLogin, TEMPLATE_ENV, uniqueName, withAdmin } from './db';

/** Migrates one template database; every test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const name = uniqueName('rilon_tpl');
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: databaseUrl(name),
      entities: [],
      migrations: MIGRATIONS,
      poolSize: 1,
    }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await withAdmin(ensureRuntimeLogin);
  process.env[TEMPLATE_ENV] = name;
}
