import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, sessions, network membership, invitations, the audit log and the outbox. */
export class CreateFoundation1764300000000 implements MigrationInterface {
  name = 'CreateFoundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE members (
        code varchar(16) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$'),
        name varchar(120) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('state', 'organisation')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email varchar(254) NOT NULL,
        display_name varchar(120) NOT NULL,
        member_code varchar(16) NOT NULL CONSTRAINT fk_users_member REFERENCES members(code),
        global_role varchar(16) CHECK (global_role IN ('admin', 'auditor')),
        status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_users_email_lower ON users (lower(email))`);
    await q.query(
      `CREATE INDEX ix_users_global_role ON users (global_role) WHERE global_role IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT fk_sessions_user REFERENCES users(id),
        refresh_hash char(64) NOT NULL,
        generation int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_refreshed_at timestamptz,
        revoked_at timestamptz,
        revoked_reason varchar(32),
        ip varchar(64),
        user_agent varchar(256)
      )`);
    await q.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE capitals (
        id uuid PRIMARY KEY,
        name varchar(120) NOT NULL,
        country_code char(3) NOT NULL,
        timezone varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_capitals_name_country ON capitals (lower(name), country_code)`,
    );
    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        name varchar(120) NOT NULL,
        capital_id uuid NOT NULL CONSTRAINT fk_teams_capital REFERENCES capitals(id),
        description varchar(2000) NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_teams_name ON teams (name)`);
    await q.query(`
      CREATE TABLE team_memberships (
        team_id uuid NOT NULL CONSTRAINT fk_team_memberships_team REFERENCES teams(id),
        user_id uuid NOT NULL CONSTRAINT fk_team_memberships_user REFERENCES users(id),
        role varchar(16) NOT NULL CHECK (role IN ('lead', 'officer', 'observer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_team_memberships PRIMARY KEY (team_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_team_memberships_user ON team_memberships (user_id)`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        token_hash char(64) NOT NULL,
        email varchar(254) NOT NULL,
        display_name varchar(120) NOT NULL,
        member_code varchar(16) NOT NULL CONSTRAINT fk_invitations_member REFERENCES members(code),
        team_id uuid CONSTRAINT fk_invitations_team REFERENCES teams(id),
        role varchar(16) CHECK (role IN ('lead', 'officer', 'observer')),
        user_id uuid CONSTRAINT fk_invitations_user REFERENCES users(id),
        invited_by uuid CONSTRAINT fk_invitations_invited_by REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_invitations_token_hash ON invitations (token_hash)`);

    // The audit log: append-only, enforced by the database itself.
    await q.query(`
      CREATE TABLE audit_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL CONSTRAINT ux_audit_events_id UNIQUE,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        action varchar(64) NOT NULL,
        target_type varchar(32),
        target_id varchar(64),
        outcome varchar(8) NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
        ip varchar(64),
        request_id varchar(128),
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_events_actor ON audit_events (actor_id, seq)`);
    await q.query(
      `CREATE INDEX ix_audit_events_target ON audit_events (target_type, target_id, seq)`,
    );
    await q.query(`CREATE INDEX ix_audit_events_action ON audit_events (action, seq)`);
    await q.query(`
      CREATE TABLE audit_chain (
        seq bigint PRIMARY KEY,
        kind varchar(8) NOT NULL CHECK (kind IN ('event', 'gap')),
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION rilon_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_events', 'audit_chain']) {
      await q.query(`CREATE TRIGGER trg_${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION rilon_reject_change()`);
      await q.query(`CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION rilon_reject_change()`);
    }

    // The transactional outbox; the trigger wakes the relay when a transaction commits.
    await q.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        type varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        attempts int NOT NULL DEFAULT 0
      )`);
    await q.query(
      `CREATE INDEX ix_outbox_events_pending ON outbox_events (id) WHERE relayed_at IS NULL`,
    );
    await q.query(`
      CREATE FUNCTION rilon_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('rilon_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_outbox_events_notify AFTER INSERT ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION rilon_outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
    await q.query(`DROP FUNCTION rilon_outbox_notify()`);
    await q.query(`DROP TABLE audit_chain`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION rilon_reject_change()`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TABLE team_memberships`);
    await q.query(`DROP TABLE teams`);
    await q.query(`DROP TABLE capitals`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE members`);
  }
}
