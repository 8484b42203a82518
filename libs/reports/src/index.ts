export * from './visibility';
export * from './statistics/statistics-ledger';
export * from './statistics/statistics.module';

/** Report entities (issue 3). */
export const REPORTS_ENTITIES: Function[] = [];
