import type { Schemas } from '../../lib/api/client';

/** The code lists of the report envelope, in the order the filters offer them. */
export type Report = Schemas['ReportDto'];
export type ReportSummary = Schemas['ReportSummaryDto'];
export type ReportVersion = Schemas['ReportVersionDto'];
export type ReportType = Report['type'];
export type ReportStatus = Report['status'];
export type TlpCode = Report['tlp'];

export const REPORT_TYPES: readonly ReportType[] = [
  'visa_fraud_trend',
  'modus_operandi',
  'migration_statistics',
  'training_offer',
];
export const REPORT_STATUSES: readonly ReportStatus[] = [
  'published',
  'draft',
  'submitted',
  'withdrawn',
];
export const TLPS: readonly TlpCode[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot name a report: the page says "Not found" without asking. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}

export function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}
