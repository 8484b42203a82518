import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications (the inbox), subscriptions and team webhooks (issue 4). */
export class CreateNotifications1764300003000 implements MigrationInterface {
  name = 'CreateNotifications1764300003000';

  async up(q: QueryRunner): Promise<void> {
    // The fan-out inserts thousands of rows in one INSERT … SELECT, so ids are made in SQL:
    // UUID v7 (48-bit millisecond time, then random bits with version and variant set).
    await q.query(`
      CREATE FUNCTION rilon_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(
          set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
            52, 1), 53, 1),
          'hex')::uuid
      $$`);
    // No foreign keys on purpose (user, report, enrolment): a fan-out writes up to 100k rows
    // in one statement and per-row key checks cost about a fifth of it (measured); the rows
    // come from a join over those very tables, and users, reports and enrolments are never
    // deleted. One (user, created_at, id) index serves the list, the unread filter and counts.
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        outbox_event_id bigint NOT NULL,
        event varchar(32) NOT NULL CONSTRAINT ck_notifications_event CHECK (event IN (
          'report.published', 'report.amended', 'report.withdrawn', 'report.submitted',
          'report.returned', 'enrolment.requested', 'enrolment.decided', 'membership.changed')),
        report_id uuid,
        enrolment_id uuid,
        team_id uuid,
        title varchar(300) NOT NULL,
        urgent boolean NOT NULL DEFAULT false,
        email varchar(16) NOT NULL DEFAULT 'off'
          CONSTRAINT ck_notifications_email CHECK (email IN ('off', 'immediate', 'daily')),
        emailed_at timestamptz,
        digest_zone varchar(64),
        digest_day date,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT ux_notifications_event_user UNIQUE (outbox_event_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX ix_notifications_user_created ON notifications (user_id, created_at DESC, id DESC)`,
    );
    // Who was told of a report's publication or amendment: the audience of its withdrawal.
    await q.query(
      `CREATE INDEX ix_notifications_report_told ON notifications (report_id, user_id) WHERE event IN ('report.published', 'report.amended')`,
    );
    await q.query(
      `CREATE INDEX ix_notifications_daily_pending ON notifications (user_id, created_at) WHERE email = 'daily' AND emailed_at IS NULL`,
    );
    // A daily row is claimed by one digest (zone, local day) before its mail is queued.
    await q.query(
      `CREATE INDEX ix_notifications_digest ON notifications (digest_zone, digest_day, user_id) WHERE digest_day IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE notification_subscriptions (
        user_id uuid PRIMARY KEY CONSTRAINT fk_notification_subscriptions_user REFERENCES users(id),
        rules jsonb NOT NULL CONSTRAINT ck_notification_subscriptions_rules CHECK (jsonb_typeof(rules) = 'array'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The secret is kept as given: the worker needs it to sign deliveries (HMAC).
    await q.query(`
      CREATE TABLE team_webhooks (
        team_id uuid PRIMARY KEY CONSTRAINT fk_team_webhooks_team REFERENCES teams(id),
        url varchar(2048) NOT NULL,
        secret varchar(256) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid CONSTRAINT fk_team_webhooks_created_by REFERENCES users(id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE team_webhooks`);
    await q.query(`DROP TABLE notification_subscriptions`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP FUNCTION rilon_uuid_v7()`);
  }
}
