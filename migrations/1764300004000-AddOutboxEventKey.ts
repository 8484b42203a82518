import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A globally unique key per outbox event. Job ids, e-mail Message-IDs and webhook delivery
 * ids derive from it, not from the bigserial id: a database restored or recreated next to
 * a Redis that still holds old jobs would reuse ids, and BullMQ would silently drop the new
 * jobs as duplicates (and receivers would drop the new deliveries).
 */
export class AddOutboxEventKey1764300004000 implements MigrationInterface {
  name = 'AddOutboxEventKey1764300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE outbox_events ADD COLUMN event_key uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events DROP COLUMN event_key`);
  }
}
