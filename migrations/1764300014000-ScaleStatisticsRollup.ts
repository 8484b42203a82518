import { MigrationInterface, QueryRunner } from 'typeorm';
import { MONTH_GRAINS, TOTAL_GRAINS } from '../libs/reports/src/statistics/statistics-rollup';
// The rule alone (no aliases, nothing of the application): the tests' global setup migrates
// outside Jest's module map.
import { canReadSql, publicViewer } from '../libs/reports/src/visibility-rule';

/**
 * Whether the observations of report row `r` are summed in the rollups: a published
 * migration_statistics report that the visibility rule lets everyone read (the rule itself,
 * with the viewer "nobody"; docs/architecture.md, "Statistics rollups"). Never NULL.
 */
function counted(r: string): string {
  return `(${r}.type = 'migration_statistics' AND ${r}.status = 'published'
    AND (${canReadSql(r, publicViewer)}) IS TRUE)`;
}

const keeps = (dimension: string, column: string): string =>
  `CASE WHEN strpos(g.grain, '${dimension}') > 0 THEN d.${column} ELSE '' END`;
const grains = (list: readonly string[]): string =>
  `unnest(ARRAY[${list.map((g) => `'${g}'`).join(', ')}]::varchar[])`;

/**
 * The three rollups: by month, by calendar year (period: its 1 January, for the whole years of
 * a range) and over all time. `period` is the expression of an observation's period that a
 * row keeps (none for totals).
 */
const ROLLUPS = [
  { table: 'statistics_rollup_months', grains: MONTH_GRAINS, period: 'd.period' },
  {
    table: 'statistics_rollup_years',
    grains: MONTH_GRAINS,
    period: `date_trunc('year', d.period)::date`,
  },
  { table: 'statistics_rollup_totals', grains: TOTAL_GRAINS, period: null },
] as const;

/** A rollup's key: the grain, the indicator, the three dimensions and its period if any. */
const keyOf = (rollup: (typeof ROLLUPS)[number]): string[] => [
  'grain',
  'indicator',
  'reporting_country',
  'nationality',
  'border_type',
  ...(rollup.period ? ['period'] : []),
];

/** Adds the signed observations of `source` to one rollup, in key order. */
function upsertSql(rollup: (typeof ROLLUPS)[number], source: string): string {
  const key = keyOf(rollup);
  const ordinals = key.map((_, i) => i + 1).join(', ');
  return `INSERT INTO ${rollup.table} AS x (${key.join(', ')}, total, observations)
    SELECT g.grain, d.indicator, ${keeps('c', 'reporting_country')}, ${keeps('n', 'nationality')},
      ${keeps('b', 'border_type')}${rollup.period ? `, ${rollup.period}` : ''}, SUM(d.sign * d.count),
      SUM(d.sign)
    FROM (${source}) d CROSS JOIN ${grains(rollup.grains)} AS g(grain)
    GROUP BY ${ordinals} ORDER BY ${ordinals}
    ON CONFLICT (${key.join(', ')}) DO UPDATE
      SET total = x.total + EXCLUDED.total, observations = x.observations + EXCLUDED.observations;`;
}

/**
 * Adds to every rollup the signed observations that `source` selects (columns indicator,
 * reporting_country, nationality, border_type, period, count, sign), then drops rows that
 * no observation backs any more. Months, years, then totals, each in key order, so that two
 * writers meet the rows they share in the same order (docs/architecture.md).
 */
function applySql(source: string): string {
  const upserts = ROLLUPS.map((rollup) => upsertSql(rollup, source));
  const prunes = ROLLUPS.map(({ table }) => `DELETE FROM ${table} WHERE observations = 0;`);
  return [...upserts, ...prunes].join('\n    ');
}

/** The signed rows of a transition table whose report is counted. */
const changed = (table: string, sign: number): string => `
  SELECT o.indicator, o.reporting_country, o.nationality, o.border_type, o.period, o.count, ${sign} AS sign
  FROM ${table} o JOIN reports r ON r.id = o.report_id
  WHERE ${counted('r')}`;

/**
 * Issue 10, scale and speed: the statistics series reads pre-aggregated sums. The rollups
 * hold the observations of the reports everyone may read, kept exact in the transaction of
 * every change by triggers (observations inserted, updated, deleted or truncated; a report
 * whose status or handling changes); the series adds, on the fly, the few other reports its
 * caller may read (docs/architecture.md, "Statistics rollups").
 */
export class ScaleStatisticsRollup1764300014000 implements MigrationInterface {
  name = 'ScaleStatisticsRollup1764300014000';

  async up(q: QueryRunner): Promise<void> {
    // Grain: which of country (c), nationality (n), border type (b) a row keeps ('' for
    // the others). `observations` counts the rows behind the sum: a group exists while > 0.
    for (const rollup of ROLLUPS) {
      const period = rollup.period ? 'period date NOT NULL,' : '';
      await q.query(`
        CREATE TABLE ${rollup.table} (
          grain varchar(3) NOT NULL,
          indicator varchar(40) NOT NULL,
          reporting_country varchar(3) NOT NULL,
          nationality varchar(3) NOT NULL,
          border_type varchar(16) NOT NULL, ${period}
          total bigint NOT NULL,
          observations int NOT NULL,
          CONSTRAINT pk_${rollup.table} PRIMARY KEY (${keyOf(rollup).join(', ')})
        )`);
    }
    // A range of months over a grain whose kept dimension is grouped, not named.
    await q.query(
      `CREATE INDEX ix_statistics_rollup_months_period ON statistics_rollup_months (grain, indicator, period)`,
    );
    // Rows no observation backs any more, found without a scan and deleted at once.
    for (const { table } of ROLLUPS)
      await q.query(`CREATE INDEX ix_${table}_empty ON ${table} (grain) WHERE observations = 0`);
    // Whether the figure's report is counted in the rollups; the few that are not are the
    // series' on-the-fly part, found through the partial index.
    await q.query(
      `ALTER TABLE statistics_figures ADD COLUMN readable_by_all boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `CREATE INDEX ix_statistics_figures_restricted ON statistics_figures (report_id) WHERE NOT readable_by_all`,
    );

    await q.query(`
      CREATE FUNCTION rilon_statistics_figure_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.readable_by_all := COALESCE(
          (SELECT ${counted('r')} FROM reports r WHERE r.id = NEW.report_id), false);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_statistics_figures_counted BEFORE INSERT OR UPDATE OF report_id
        ON statistics_figures FOR EACH ROW EXECUTE FUNCTION rilon_statistics_figure_counted()`);

    for (const [event, source] of [
      ['insert', changed('added', 1)],
      ['delete', changed('removed', -1)],
      ['update', `${changed('removed', -1)} UNION ALL ${changed('added', 1)}`],
    ] as const) {
      await q.query(`
        CREATE FUNCTION rilon_statistics_rollup_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${applySql(source)}
          RETURN NULL;
        END $$`);
    }
    await q.query(`
      CREATE TRIGGER trg_statistics_observations_rollup_insert AFTER INSERT ON statistics_observations
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION rilon_statistics_rollup_insert()`);
    await q.query(`
      CREATE TRIGGER trg_statistics_observations_rollup_delete AFTER DELETE ON statistics_observations
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION rilon_statistics_rollup_delete()`);
    await q.query(`
      CREATE TRIGGER trg_statistics_observations_rollup_update AFTER UPDATE ON statistics_observations
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION rilon_statistics_rollup_update()`);
    await q.query(`
      CREATE FUNCTION rilon_statistics_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${ROLLUPS.map(({ table }) => `DELETE FROM ${table};`).join('\n        ')}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_statistics_observations_rollup_truncate AFTER TRUNCATE ON statistics_observations
        FOR EACH STATEMENT EXECUTE FUNCTION rilon_statistics_rollup_truncate()`);

    // A report that becomes, or stops being, readable by all (published, withdrawn, a TLP or
    // distribution change) moves its current observations into or out of the rollups.
    await q.query(`
      CREATE FUNCTION rilon_statistics_rollup_report() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE statistics_figures SET readable_by_all = ${counted('NEW')} WHERE report_id = NEW.id;
        ${applySql(`
          SELECT o.indicator, o.reporting_country, o.nationality, o.border_type, o.period, o.count,
            CASE WHEN ${counted('NEW')} THEN 1 ELSE -1 END AS sign
          FROM statistics_observations o WHERE o.report_id = NEW.id`)}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_reports_statistics_rollup AFTER UPDATE ON reports
        FOR EACH ROW WHEN (${counted('OLD')} <> ${counted('NEW')})
        EXECUTE FUNCTION rilon_statistics_rollup_report()`);

    // What is already there.
    await q.query(`
      UPDATE statistics_figures f SET readable_by_all = ${counted('r')}
      FROM reports r WHERE r.id = f.report_id`);
    await q.query(`
      DO $$ BEGIN
        ${applySql(changed('statistics_observations', 1))}
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_reports_statistics_rollup ON reports`);
    for (const event of ['insert', 'delete', 'update', 'truncate'])
      await q.query(
        `DROP TRIGGER trg_statistics_observations_rollup_${event} ON statistics_observations`,
      );
    await q.query(`DROP TRIGGER trg_statistics_figures_counted ON statistics_figures`);
    for (const name of ['insert', 'delete', 'update', 'truncate', 'report'])
      await q.query(`DROP FUNCTION rilon_statistics_rollup_${name}()`);
    await q.query(`DROP FUNCTION rilon_statistics_figure_counted()`);
    await q.query(`DROP INDEX ix_statistics_figures_restricted`);
    await q.query(`ALTER TABLE statistics_figures DROP COLUMN readable_by_all`);
    for (const { table } of [...ROLLUPS].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}
