import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder for reports, report versions, statistics observations and training enrolments (issue 3). */
export class CreateReports1764300002000 implements MigrationInterface {
  name = 'CreateReports1764300002000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
