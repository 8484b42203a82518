export * from './visibility';
export * from './statistics/statistics-ledger';
export * from './statistics/statistics.module';
export * from './statistics/statistics-codes';
export * from './statistics/statistics-series.service';
export * from './enrolments';

/** Report entities (issue 3). */
export const REPORTS_ENTITIES: Function[] = [];

// Structured reports: authoring, lifecycle, reads and search.
export * from './report-codes';
export * from './report.view';
export * from './report-filters';
export * from './report-countries';
export * from './reports.module';
export * from './reports.service';
export * from './report-lifecycle.service';
export * from './report-query.service';
export * from './bodies/report-bodies';
export * from './bodies/visa-fraud-trend.dto';
export * from './bodies/modus-operandi.dto';
export * from './bodies/migration-statistics.dto';
export * from './bodies/training-offer.dto';
export * from './dto/create-report.dto';
export * from './dto/update-report.dto';
export * from './dto/distribution.dto';
export * from './dto/list-reports-query.dto';
export * from './dto/return-report.dto';
export * from './dto/withdraw-report.dto';
export * from './personal-data/personal-data-detector';
export * from './validation/code-lists';
