import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Writes the `report_countries` rows of the report rows `source` yields (alias `n`): one per
 * distinct country a report mentions, while it is published or withdrawn. The triggers and
 * the backfill all write through this, so the rows say the same whichever wrote them.
 */
function insertCountriesSql(source: string): string {
  return `INSERT INTO report_countries (report_id, country, type, status, published_at)
    SELECT n.id, c.country, n.type, n.status, n.published_at
      FROM ${source} n CROSS JOIN LATERAL (SELECT DISTINCT unnest(n.countries) AS country) c
     WHERE n.status IN ('published', 'withdrawn') AND n.published_at IS NOT NULL`;
}

/**
 * Issue 10, scale and speed: indexes that serve the report list's filters in date order
 * (docs/architecture.md, "Lists at scale").
 *
 * - `report_countries`: one row per (published or withdrawn report, country it mentions),
 *   written by triggers only, so that a country filter walks (country[, type], status,
 *   published_at) in the list's order instead of testing the `countries` array of every
 *   row of a type (or of the whole table), and a country nobody mentions costs one probe.
 *   It holds no handling: the list still reads each report through the visibility rule.
 * - TLP and urgent filters get their own date-ordered indexes.
 */
export class ScaleReportIndexes1764300015000 implements MigrationInterface {
  name = 'ScaleReportIndexes1764300015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_countries (
        report_id uuid NOT NULL CONSTRAINT fk_report_countries_report REFERENCES reports(id) ON DELETE CASCADE,
        country varchar(3) NOT NULL,
        type varchar(32) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('published', 'withdrawn')),
        published_at timestamptz NOT NULL,
        CONSTRAINT pk_report_countries PRIMARY KEY (report_id, country)
      )`);
    await q.query(
      `CREATE INDEX ix_report_countries_list ON report_countries (country, status, published_at DESC, report_id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_report_countries_type_list ON report_countries (country, type, status, published_at DESC, report_id DESC)`,
    );
    // Inserts by statement (a bulk load writes one statement per batch), changes by row (the
    // lifecycle changes one report at a time).
    await q.query(`
      CREATE FUNCTION rilon_report_countries_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${insertCountriesSql('new_reports')};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_reports_countries_insert AFTER INSERT ON reports
      REFERENCING NEW TABLE AS new_reports
      FOR EACH STATEMENT EXECUTE FUNCTION rilon_report_countries_insert()`);
    await q.query(`
      CREATE FUNCTION rilon_report_countries_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM report_countries WHERE report_id = NEW.id;
        ${insertCountriesSql('(SELECT NEW.*)')};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_reports_countries_update
      AFTER UPDATE OF countries, status, published_at, type ON reports
      FOR EACH ROW
      WHEN (OLD.countries IS DISTINCT FROM NEW.countries OR OLD.status IS DISTINCT FROM NEW.status
         OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.type IS DISTINCT FROM NEW.type)
      EXECUTE FUNCTION rilon_report_countries_update()`);
    await q.query(insertCountriesSql('reports'));

    await q.query(
      `CREATE INDEX ix_reports_tlp_status ON reports (tlp, status, published_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_reports_urgent ON reports (status, published_at DESC, id DESC) WHERE urgent`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_reports_urgent`);
    await q.query(`DROP INDEX ix_reports_tlp_status`);
    await q.query(`DROP TRIGGER trg_reports_countries_update ON reports`);
    await q.query(`DROP TRIGGER trg_reports_countries_insert ON reports`);
    await q.query(`DROP FUNCTION rilon_report_countries_update()`);
    await q.query(`DROP FUNCTION rilon_report_countries_insert()`);
    await q.query(`DROP TABLE report_countries`);
  }
}
