import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10, scale and speed: report list and search indexes (issue 10). */
export class ScaleReportIndexes1764300015000 implements MigrationInterface {
  name = 'ScaleReportIndexes1764300015000';

  async up(_q: QueryRunner): Promise<void> {
    // Filled in by the change that needs it.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Nothing to undo yet.
  }
}
