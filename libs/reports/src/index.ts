/**
 * @rilon/reports: the structured reports shared under TLP 2.0 (docs/domain.md, "Reports").
 * It owns reports, report_versions, statistics_observations, statistics_figures and
 * enrolments: the envelope and the four bodies with their code lists, the lifecycle, reads
 * and search under THE visibility rule, the personal-data check, the statistics ledger and
 * its series, and enrolments on training offers.
 */
/** THE visibility rule as SQL over a viewer: the caller as bind parameters, or a team. */
export * from './visibility';
/** Statistics: the ledger of published observations, its codes, and the series it sums. */
export * from './statistics/statistics-ledger';
export * from './statistics/statistics.module';
export * from './statistics/statistics-codes';
export * from './statistics/statistics-series.service';
/** Enrolments on training offers: requests, seats, deadlines and decisions. */
export * from './enrolments';

/** Empty: the reports tables are read and written in SQL by their repositories, not entities. */
export const REPORTS_ENTITIES: Function[] = [];

/** The report codes (types, TLPs, statuses, reliabilities ...), views, filters and countries. */
export * from './report-codes';
export * from './report.view';
export * from './report-filters';
export * from './report-countries';
/** The Nest module and the services: authoring, the lifecycle, reads and search. */
export * from './reports.module';
export * from './reports.service';
export * from './report-lifecycle.service';
export * from './report-query.service';
/** The four bodies, chosen by the envelope's `type`. */
export * from './bodies/report-bodies';
export * from './bodies/visa-fraud-trend.dto';
export * from './bodies/modus-operandi.dto';
export * from './bodies/migration-statistics.dto';
export * from './bodies/training-offer.dto';
/** The request bodies and query of the report routes, shared with the API's controllers. */
export * from './dto/create-report.dto';
export * from './dto/update-report.dto';
export * from './dto/distribution.dto';
export * from './dto/list-reports-query.dto';
export * from './dto/return-report.dto';
export * from './dto/withdraw-report.dto';
/** The personal-data check, and the code lists the DTOs of any area validate against. */
export * from './personal-data/personal-data-detector';
export * from './validation/code-lists';
export * from './stix';
export * from './taxii';
