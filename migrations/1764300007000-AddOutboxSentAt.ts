import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the mail of an `email.send` event was sent (issue 12, hole 1.2). The worker sets it
 * in the statement that erases the event's secret params (the invitation link), and a job
 * for an event already sent sends nothing.
 */
export class AddOutboxSentAt1764300007000 implements MigrationInterface {
  name = 'AddOutboxSentAt1764300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events ADD COLUMN sent_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events DROP COLUMN sent_at`);
  }
}
