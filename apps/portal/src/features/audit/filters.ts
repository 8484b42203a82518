import type { Schemas } from '../../lib/api/client';

/**
 * The filters of the audit log. They live in the address only (a copied link reproduces
 * the view; back and forward work), so these functions are the one mapping between the
 * address bar, the form and GET /api/v1/audit-events. The names are the API's own.
 */
export type Outcome = Schemas['AuditEventDto']['outcome'];
export const OUTCOMES: readonly Outcome[] = ['success', 'denied', 'failure'];

export interface AuditFilters {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: Outcome;
  /** Whole UTC days, YYYY-MM-DD: the API takes a bare date as the day's start or whole day. */
  from?: string;
  to?: string;
}

/** The order the address, the form and the tests see them in. */
export const FILTER_NAMES = [
  'actorId',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'from',
  'to',
] as const satisfies ReadonlyArray<keyof AuditFilters>;
export type FilterName = (typeof FILTER_NAMES)[number];

// The API's own rules (AuditEventsQueryDto), so the address never sends what it refuses.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const TARGET_TYPE = /^[a-z][a-z0-9_]*$/;

type Check = (value: string) => boolean;
const CHECKS: Record<FilterName, Check> = {
  actorId: (v) => UUID.test(v),
  action: (v) => v.length <= 64 && ACTION.test(v),
  targetType: (v) => v.length <= 32 && TARGET_TYPE.test(v),
  targetId: (v) => v.length <= 64,
  outcome: (v) => (OUTCOMES as readonly string[]).includes(v),
  from: isIsoDate,
  to: isIsoDate,
};

/** A real calendar date written YYYY-MM-DD (the value of an <input type="date">). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Ids are compared in lower case by the API; actions and types are lower case by rule. */
function normalise(name: FilterName, value: string): string {
  return name === 'actorId' ? value.toLowerCase() : value;
}

/** Reads the filters from the address; a value that cannot be right is dropped, not sent. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value && CHECKS[name](value)) filters[name] = normalise(name, value);
  }
  return filters;
}

/** Writes the filters into the address in a fixed order, leaving out empty ones. */
export function auditFiltersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

/** The query of GET /api/v1/audit-events (paging is added by the caller). */
export function auditFiltersToQuery(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(auditFiltersToParams(filters));
}

export type AuditFormErrors = Partial<Record<FilterName, string>>;

/**
 * Reads the submitted form. A value the address would silently drop is refused on its
 * field instead (as keys of the audit catalogue), so the auditor sees why nothing changed.
 */
export function readAuditForm(entries: Iterable<[string, FormDataEntryValue]>): {
  filters: AuditFilters | null;
  errors: AuditFormErrors;
} {
  const raw = new Map<string, string>();
  for (const [name, value] of entries)
    if (typeof value === 'string' && value.trim() !== '') raw.set(name, value.trim());
  const errors: AuditFormErrors = {};
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = raw.get(name);
    if (value === undefined) continue;
    if (CHECKS[name](value)) filters[name] = normalise(name, value);
    else errors[name] = `filters.invalid.${name}`;
  }
  if (filters.from && filters.to && filters.from > filters.to) errors.to = 'filters.invalid.order';
  if (Object.keys(errors).length > 0) return { filters: null, errors };
  return { filters: filters, errors };
}
