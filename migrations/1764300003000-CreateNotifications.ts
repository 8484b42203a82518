import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder for notifications, subscriptions and team webhooks (issue 4). */
export class CreateNotifications1764300003000 implements MigrationInterface {
  name = 'CreateNotifications1764300003000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
