import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an event's fan-out finished. A withdrawal waits until every earlier publication or
 * amendment of its report is fanned out, or it would reach nobody ("those who were told").
 */
export class AddOutboxFannedOutAt1764300005000 implements MigrationInterface {
  name = 'AddOutboxFannedOutAt1764300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events ADD COLUMN fanned_out_at timestamptz`);
    // Events relayed before this column existed are taken as fanned out.
    await q.query(
      `UPDATE outbox_events SET fanned_out_at = relayed_at WHERE relayed_at IS NOT NULL`,
    );
    await q.query(`
      CREATE INDEX ix_outbox_events_broadcast_pending ON outbox_events ((payload->>'reportId'), id)
       WHERE fanned_out_at IS NULL AND type IN ('report.published', 'report.amended')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_outbox_events_broadcast_pending`);
    await q.query(`ALTER TABLE outbox_events DROP COLUMN fanned_out_at`);
  }
}
