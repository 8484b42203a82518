export * from './visibility';
export * from './statistics/statistics-ledger';
export * from './statistics/statistics.module';
export * from './statistics/statistics-codes';
export * from './statistics/statistics-series.service';
export * from './enrolments';

/** Report entities (issue 3). */
export const REPORTS_ENTITIES: Function[] = [];
