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

  it('gives the runtime role what each table needs, and the audit tables read and append only', async () => {
    const rows = await api.db.query<
      Array<{ table: string; read: boolean; add: boolean; change: boolean; remove: boolean }>
    >(
      `SELECT c.relname AS table,
              has_table_privilege('rilon_runtime', c.oid, 'SELECT') AS read,
              has_table_privilege('rilon_runtime', c.oid, 'INSERT') AS add,
              has_table_privilege('rilon_runtime', c.oid, 'UPDATE') AS change,
              has_table_privilege('rilon_runtime', c.oid, 'DELETE') AS remove
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'typeorm_migrations'
        ORDER BY c.relname`,
    );
    const appendOnly = ['audit_chain', 'audit_checkpoints', 'audit_events', 'audit_verifications'];
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      const audit = appendOnly.includes(row.table);
      expect({ ...row }).toEqual({
        table: row.table,
        read: true,
        add: true,
        change: !audit,
        remove: !audit,
      });
    }
    expect(rows.filter((r) => appendOnly.includes(r.table)).map((r) => r.table)).toEqual(
      appendOnly,
    );
  });
});
