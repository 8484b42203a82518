export * from './visibility';

/** Report entities (issue 3). */
export const REPORTS_ENTITIES: Function[] = [];
