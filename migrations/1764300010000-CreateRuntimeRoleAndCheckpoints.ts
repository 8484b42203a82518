import { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role the API and the worker log in through (as members); it owns nothing. */
export const RUNTIME_ROLE = 'rilon_runtime';

/** The append-only tables: the runtime role may read and add rows, never change or remove one. */
const APPEND_ONLY = ['audit_events', 'audit_chain', 'audit_checkpoints', 'audit_verifications'];

/**
 * Separates who shapes the schema from who runs the portal, and anchors the audit chain.
 *
 * - `rilon_runtime`: the API and the worker connect as a login role that is a member of it.
 *   It owns no table, so it can neither disable the audit triggers nor drop or truncate a
 *   table; on the audit tables it has SELECT and INSERT only. Migrations run as the owner
 *   (MIGRATION_DATABASE_URL), whose default privileges give every later table the same
 *   read-write grant, so a new migration only has to revoke where a table is append-only.
 * - `audit_checkpoints`: the worker's sealer signs (Ed25519) the chain head at least every
 *   minute while the log grows; a signature cannot be made without the key, which the
 *   database never sees, so rewriting the log and re-sealing it no longer goes unseen.
 * - `audit_verifications`: each run of verify, so the next run starts from the last signed
 *   checkpoint a run found intact instead of from the first event.
 * - A commit deadline: an audit row may not commit later than its transaction may last
 *   (`rilon.max_transaction_seconds`, set per connection by the apps, 60 s otherwise), less
 *   a margin; the sealer records a seq missing for longer as a rolled-back gap, so a late
 *   commit could otherwise fill a gap that is already sealed.
 */
export class CreateRuntimeRoleAndCheckpoints1764300010000 implements MigrationInterface {
  name = 'CreateRuntimeRoleAndCheckpoints1764300010000';

  async up(q: QueryRunner): Promise<void> {
    // Roles belong to the cluster: another database (or a concurrent migration) may have made it.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${RUNTIME_ROLE}') THEN
          CREATE ROLE ${RUNTIME_ROLE} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);

    await q.query(`
      CREATE TABLE audit_checkpoints (
        seq bigint NOT NULL CONSTRAINT pk_audit_checkpoints PRIMARY KEY
          CONSTRAINT fk_audit_checkpoints_chain REFERENCES audit_chain(seq),
        hash char(64) NOT NULL,
        signed_at timestamptz NOT NULL,
        key_id varchar(32) NOT NULL,
        signature varchar(128) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_verifications (
        id uuid NOT NULL CONSTRAINT pk_audit_verifications PRIMARY KEY,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        full_run boolean NOT NULL,
        from_seq bigint NOT NULL,
        through_seq bigint NOT NULL,
        head_hash char(64) NOT NULL,
        ok boolean NOT NULL,
        breaks int NOT NULL,
        first_bad_seq bigint,
        good_checkpoint_seq bigint
      )`);
    await q.query(
      `CREATE INDEX ix_audit_verifications_good ON audit_verifications (good_checkpoint_seq DESC)
        WHERE good_checkpoint_seq IS NOT NULL`,
    );
    for (const table of ['audit_checkpoints', 'audit_verifications']) {
      await q.query(`CREATE TRIGGER trg_${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION rilon_reject_change()`);
      await q.query(`CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION rilon_reject_change()`);
    }

    // Checked at COMMIT (a deferred constraint trigger), the only moment that matters.
    await q.query(`
      CREATE FUNCTION rilon_audit_commit_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        max_seconds numeric := coalesce(
          nullif(current_setting('rilon.max_transaction_seconds', true), '')::numeric, 60);
        allowed interval := make_interval(secs => max_seconds - greatest(2, max_seconds / 10));
      BEGIN
        IF clock_timestamp() - NEW.occurred_at > allowed THEN
          RAISE EXCEPTION 'transaction outlived its audit deadline (% s): rolled back', max_seconds
            USING ERRCODE = 'query_canceled',
                  HINT = 'the audit sealer may already have recorded its sequence number as a gap';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER trg_audit_events_commit_deadline AFTER INSERT ON audit_events
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rilon_audit_commit_deadline()`);

    await q.query(`GRANT USAGE ON SCHEMA public TO ${RUNTIME_ROLE}`);
    await q.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${RUNTIME_ROLE}`,
    );
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${RUNTIME_ROLE}`);
    await q.query(`REVOKE ALL ON typeorm_migrations FROM ${RUNTIME_ROLE}`);
    await q.query(`GRANT SELECT ON typeorm_migrations TO ${RUNTIME_ROLE}`);
    await q.query(`REVOKE UPDATE, DELETE ON ${APPEND_ONLY.join(', ')} FROM ${RUNTIME_ROLE}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public
         GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${RUNTIME_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${RUNTIME_ROLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${RUNTIME_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public
         REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${RUNTIME_ROLE}`,
    );
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${RUNTIME_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${RUNTIME_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${RUNTIME_ROLE}`);
    await q.query(`DROP TRIGGER trg_audit_events_commit_deadline ON audit_events`);
    await q.query(`DROP FUNCTION rilon_audit_commit_deadline()`);
    await q.query(`DROP TABLE audit_verifications`);
    await q.query(`DROP TABLE audit_checkpoints`);
    // The role stays: other databases of the cluster may use it.
  }
}
