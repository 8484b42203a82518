import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TAXII 2.1 (docs/stix.md, "TAXII"): the keys a team's leads issue to their MISP or OpenCTI,
 * and the feed of STIX object versions the read-only server pages through.
 *
 * `taxii_objects` is written by triggers only, so no write path can forget it: a report
 * published, amended or withdrawn adds its `report` and `note` at that version, a team
 * created adds its `identity`. `date_added` is stamped in commit order: a deferred trigger
 * takes one transaction-scoped advisory lock just before commit and stamps the row later
 * than every committed one, so a row that becomes visible always sorts after every row a
 * consumer has already seen, and paging by `added_after` never misses an object.
 */
export class CreateTaxii1764300012000 implements MigrationInterface {
  name = 'CreateTaxii1764300012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE taxii_keys (
        id uuid PRIMARY KEY,
        team_id uuid NOT NULL CONSTRAINT fk_taxii_keys_team REFERENCES teams(id),
        label varchar(100) NOT NULL,
        secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
        created_by uuid NOT NULL CONSTRAINT fk_taxii_keys_created_by REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid CONSTRAINT fk_taxii_keys_revoked_by REFERENCES users(id),
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_taxii_keys_team ON taxii_keys (team_id, created_at DESC)`);

    // STIX ids are UUID v5 of the RILON namespace and a name (libs/reports/src/stix/stix-ids.ts);
    // the same function in SQL lets a TAXII match[id] use an index.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public`);
    await q.query(`
      CREATE FUNCTION rilon_stix_uuid(name text) RETURNS uuid
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT encode(set_byte(set_byte(h, 6, (get_byte(h, 6) & 15) | 80), 8, (get_byte(h, 8) & 63) | 128), 'hex')::uuid
        FROM (SELECT substring(public.digest(decode('8573c510a4e646b7a7af2d1dfc39e12f', 'hex')
          || convert_to(name, 'UTF8'), 'sha1') FROM 1 FOR 16)) AS s(h)
      $$`);

    await q.query(`
      CREATE TABLE taxii_objects (
        seq bigserial PRIMARY KEY,
        stix_type varchar(16) NOT NULL CHECK (stix_type IN ('identity', 'report', 'note')),
        stix_uuid uuid NOT NULL,
        team_id uuid CONSTRAINT fk_taxii_objects_team REFERENCES teams(id),
        report_id uuid CONSTRAINT fk_taxii_objects_report REFERENCES reports(id),
        version int,
        revoked boolean NOT NULL DEFAULT false,
        modified timestamptz NOT NULL,
        date_added timestamptz,
        CONSTRAINT ck_taxii_objects_identity CHECK ((stix_type = 'identity') = (team_id IS NOT NULL)),
        CONSTRAINT ck_taxii_objects_report CHECK ((stix_type = 'identity') = (report_id IS NULL AND version IS NULL)),
        CONSTRAINT ux_taxii_objects_version UNIQUE (stix_type, stix_uuid, modified)
      )`);
    await q.query(`CREATE INDEX ix_taxii_objects_added ON taxii_objects (date_added, seq)`);
    await q.query(`CREATE INDEX ix_taxii_objects_report ON taxii_objects (report_id, modified)`);
    await q.query(`CREATE INDEX ix_taxii_objects_stix ON taxii_objects (stix_uuid, modified)`);

    // A published version of a report: its report and note, at the time the export gives them
    // (docs/stix.md, "Mapping": the publication, the amendment or the withdrawal), always later
    // than the version before (STIX wants each modified later than the last).
    await q.query(`
      CREATE FUNCTION rilon_taxii_report_version() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        revoked boolean := NEW.status = 'withdrawn';
        at timestamptz;
        prev timestamptz;
      BEGIN
        IF NEW.status NOT IN ('published', 'withdrawn') THEN RETURN NULL; END IF;
        IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.version = NEW.version THEN RETURN NULL; END IF;
        at := date_trunc('milliseconds', greatest(NEW.published_at,
          CASE WHEN revoked THEN NEW.withdrawn_at ELSE NEW.updated_at END));
        SELECT max(modified) INTO prev FROM taxii_objects WHERE report_id = NEW.id;
        IF prev IS NOT NULL AND at <= prev THEN at := prev + interval '1 millisecond'; END IF;
        INSERT INTO taxii_objects (stix_type, stix_uuid, report_id, version, revoked, modified) VALUES
          ('report', rilon_stix_uuid('report:' || NEW.id), NEW.id, NEW.version, revoked, at),
          ('note', rilon_stix_uuid('note:' || NEW.id), NEW.id, NEW.version, revoked, at);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_reports_taxii AFTER INSERT OR UPDATE OF status, version
      ON reports FOR EACH ROW EXECUTE FUNCTION rilon_taxii_report_version()`);

    await q.query(`
      CREATE FUNCTION rilon_taxii_team() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO taxii_objects (stix_type, stix_uuid, team_id, modified)
          VALUES ('identity', rilon_stix_uuid('team:' || NEW.id), NEW.id, '2026-01-01T00:00:00Z');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_teams_taxii AFTER INSERT ON teams
      FOR EACH ROW EXECUTE FUNCTION rilon_taxii_team()`);

    // Commit order: the lock is held from here to the commit, so the next writer stamps after
    // this one is visible. Rows stamped in one transaction get distinct, rising times.
    await q.query(`
      CREATE FUNCTION rilon_taxii_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last timestamptz;
      BEGIN
        PERFORM pg_advisory_xact_lock(7243001);
        SELECT max(date_added) INTO last FROM taxii_objects;
        UPDATE taxii_objects
           SET date_added = greatest(clock_timestamp(), coalesce(last + interval '1 microsecond', clock_timestamp()))
         WHERE seq = NEW.seq;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER trg_taxii_objects_stamp AFTER INSERT ON taxii_objects
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rilon_taxii_stamp()`);

    // What exists already: the teams, then each published or withdrawn report at its version.
    await q.query(`INSERT INTO taxii_objects (stix_type, stix_uuid, team_id, modified)
      SELECT 'identity', rilon_stix_uuid('team:' || id), id, '2026-01-01T00:00:00Z'
        FROM teams ORDER BY created_at, id`);
    await q.query(`INSERT INTO taxii_objects (stix_type, stix_uuid, report_id, version, revoked, modified)
      SELECT k.stix_type, rilon_stix_uuid(k.stix_type || ':' || r.id), r.id, r.version,
             r.status = 'withdrawn',
             date_trunc('milliseconds', greatest(r.published_at,
               CASE WHEN r.status = 'withdrawn' THEN r.withdrawn_at ELSE r.updated_at END))
        FROM reports r CROSS JOIN (VALUES ('report'), ('note')) AS k(stix_type)
       WHERE r.status IN ('published', 'withdrawn')
       ORDER BY r.published_at, r.id, k.stix_type DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_teams_taxii ON teams`);
    await q.query(`DROP TRIGGER trg_reports_taxii ON reports`);
    await q.query(`DROP TABLE taxii_objects`);
    await q.query(`DROP FUNCTION rilon_taxii_stamp()`);
    await q.query(`DROP FUNCTION rilon_taxii_team()`);
    await q.query(`DROP FUNCTION rilon_taxii_report_version()`);
    await q.query(`DROP FUNCTION rilon_stix_uuid(text)`);
    await q.query(`DROP TABLE taxii_keys`);
  }
}
