import { startApi, TestApi } from './support/harness';

/**
 * Migrations are the only way the schema changes (synchronize is off), and they hold more
 * than the entities say: foreign keys, CHECK constraints, partial and expression indexes,
 * triggers. What must never happen is the reverse: an entity column or table that the
 * migrations forgot, or of another type. So: every statement TypeORM would run to make
 * the database match the entities, except dropping what only the migrations declare.
 */
const ONLY_IN_MIGRATIONS = [/^ALTER TABLE "\w+" DROP CONSTRAINT "/, /^DROP INDEX "public"\."/];

describe('entities and migrations agree', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('leaves TypeORM nothing to create or alter on a migrated database', async () => {
    const sql = await api.db.driver.createSchemaBuilder().log();
    const missing = sql.upQueries
      .map((q) => q.query)
      .filter((q) => !ONLY_IN_MIGRATIONS.some((pattern) => pattern.test(q)))
      // TypeORM reads the jsonb default back in another spelling; same value.
      .filter((q) => !/ALTER COLUMN "\w+" SET DEFAULT '\{\}'::jsonb$/.test(q));
    expect(missing).toEqual([]);
  });
});
