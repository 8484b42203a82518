import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'report.published', 'report.amended', 'report.withdrawn', 'report.submitted',
  'report.returned', 'enrolment.requested', 'enrolment.decided', 'membership.changed'`;

/** A team's leads hear of every change of its webhook: a new notification event (issue 12). */
export class AddWebhookChangedEvent1764300006000 implements MigrationInterface {
  name = 'AddWebhookChangedEvent1764300006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT ck_notifications_event`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT ck_notifications_event
      CHECK (event IN (${BEFORE}, 'webhook.changed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE event = 'webhook.changed'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT ck_notifications_event`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT ck_notifications_event
      CHECK (event IN (${BEFORE}))`);
  }
}
