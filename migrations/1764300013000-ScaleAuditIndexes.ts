import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10, scale and speed: the audit list's indexes (issue 10). */
export class ScaleAuditIndexes1764300013000 implements MigrationInterface {
  name = 'ScaleAuditIndexes1764300013000';

  async up(_q: QueryRunner): Promise<void> {
    // Filled in by the change that needs it.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Nothing to undo yet.
  }
}
