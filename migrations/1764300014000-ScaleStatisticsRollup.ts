import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10, scale and speed: pre-aggregated statistics (issue 10). */
export class ScaleStatisticsRollup1764300014000 implements MigrationInterface {
  name = 'ScaleStatisticsRollup1764300014000';

  async up(_q: QueryRunner): Promise<void> {
    // Filled in by the change that needs it.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Nothing to undo yet.
  }
}
