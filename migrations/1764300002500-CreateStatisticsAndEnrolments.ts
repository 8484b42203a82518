import { MigrationInterface, QueryRunner } from 'typeorm';

/** The statistics ledger (official figures and their observations) and training enrolments. */
export class CreateStatisticsAndEnrolments1764300002500 implements MigrationInterface {
  name = 'CreateStatisticsAndEnrolments1764300002500';

  async up(q: QueryRunner): Promise<void> {
    // One row per published migration_statistics report: the unique constraint is what makes
    // "one official figure per (reporting country, period)" hold under concurrent publishes.
    await q.query(`
      CREATE TABLE statistics_figures (
        report_id uuid PRIMARY KEY CONSTRAINT fk_statistics_figures_report REFERENCES reports(id),
        reporting_country varchar(3) NOT NULL,
        period date NOT NULL CONSTRAINT ck_statistics_figures_period CHECK (extract(day FROM period) = 1),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ux_statistics_figures_country_period UNIQUE (reporting_country, period)
      )`);
    // The counted observations; they live exactly as long as their report's figure.
    await q.query(`
      CREATE TABLE statistics_observations (
        report_id uuid NOT NULL CONSTRAINT fk_statistics_observations_figure
          REFERENCES statistics_figures(report_id) ON DELETE CASCADE,
        reporting_country varchar(3) NOT NULL,
        period date NOT NULL,
        indicator varchar(40) NOT NULL,
        nationality varchar(3) NOT NULL,
        border_type varchar(16) NOT NULL,
        count int NOT NULL CONSTRAINT ck_statistics_observations_count CHECK (count >= 0),
        CONSTRAINT pk_statistics_observations PRIMARY KEY (report_id, indicator, nationality, border_type)
      )`);
    await q.query(
      `CREATE INDEX ix_statistics_observations_indicator_period ON statistics_observations (indicator, period)`,
    );
    await q.query(
      `CREATE INDEX ix_statistics_observations_indicator_country_period ON statistics_observations (indicator, reporting_country, period)`,
    );
    await q.query(
      `CREATE INDEX ix_statistics_observations_indicator_nationality_period ON statistics_observations (indicator, nationality, period)`,
    );
    await q.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL CONSTRAINT fk_enrolments_report REFERENCES reports(id),
        user_id uuid NOT NULL CONSTRAINT fk_enrolments_user REFERENCES users(id),
        seats int NOT NULL CONSTRAINT ck_enrolments_seats CHECK (seats BETWEEN 1 AND 10),
        note varchar(1000),
        status varchar(16) NOT NULL DEFAULT 'pending'
          CONSTRAINT ck_enrolments_status CHECK (status IN ('pending', 'accepted', 'declined')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        decided_by uuid CONSTRAINT fk_enrolments_decided_by REFERENCES users(id),
        CONSTRAINT ux_enrolments_report_user UNIQUE (report_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_enrolments_report_id ON enrolments (report_id, id DESC)`);
    await q.query(
      `CREATE INDEX ix_enrolments_report_accepted ON enrolments (report_id) INCLUDE (seats) WHERE status = 'accepted'`,
    );
    await q.query(`CREATE INDEX ix_enrolments_user ON enrolments (user_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enrolments`);
    await q.query(`DROP TABLE statistics_observations`);
    await q.query(`DROP TABLE statistics_figures`);
  }
}
