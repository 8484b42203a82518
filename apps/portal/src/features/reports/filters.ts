import {
  isUuid,
  oneOf,
  REPORT_STATUSES,
  REPORT_TYPES,
  TLPS,
  type ReportStatus,
  type ReportType,
  type TlpCode,
} from './codes';

/**
 * The filters of the Reports list. They live in the URL only (a copied link reproduces
 * the view, back and forward work), so these functions are the one mapping between the
 * address bar, the form and GET /api/v1/reports.
 */
export interface ReportFilters {
  q?: string;
  type?: ReportType;
  status: ReportStatus;
  teamId?: string;
  country?: string;
  tlp?: TlpCode;
  urgent?: boolean;
  from?: string;
  to?: string;
}

export const DEFAULT_FILTERS: ReportFilters = { status: 'published' };

const COUNTRY = /^[A-Z]{3}$/;
const MAX_Q = 200;

export function isCountryCode(value: string): boolean {
  return COUNTRY.test(value);
}

/** A real calendar date written YYYY-MM-DD (the value of an <input type="date">). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads the filters from the address; a value that cannot be right is dropped, not sent. */
export function parseFilters(params: URLSearchParams): ReportFilters {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const q = text('q')?.slice(0, MAX_Q);
  const country = text('country')?.toUpperCase();
  const team = text('team');
  const urgent = params.get('urgent');
  const from = text('from');
  const to = text('to');
  const filters: ReportFilters = {
    status: oneOf(REPORT_STATUSES, params.get('status')) ?? 'published',
  };
  if (q) filters.q = q;
  const type = oneOf(REPORT_TYPES, params.get('type'));
  if (type) filters.type = type;
  if (isUuid(team)) filters.teamId = team.toLowerCase();
  if (country && isCountryCode(country)) filters.country = country;
  const tlp = oneOf(TLPS, params.get('tlp'));
  if (tlp) filters.tlp = tlp;
  if (urgent === 'true' || urgent === 'false') filters.urgent = urgent === 'true';
  if (from && isIsoDate(from)) filters.from = from;
  if (to && isIsoDate(to)) filters.to = to;
  return filters;
}

/** Writes the filters into the address in a fixed order, leaving out the defaults. */
export function filtersToParams(filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string | undefined) => {
    if (value) params.set(name, value);
  };
  put('q', filters.q);
  put('type', filters.type);
  if (filters.status !== 'published') params.set('status', filters.status);
  put('team', filters.teamId);
  put('country', filters.country);
  put('tlp', filters.tlp);
  if (filters.urgent !== undefined) params.set('urgent', String(filters.urgent));
  put('from', filters.from);
  put('to', filters.to);
  return params;
}

export type ReportListQuery = {
  q?: string;
  type?: ReportType;
  status: ReportStatus;
  teamId?: string;
  country?: string;
  tlp?: TlpCode;
  urgent?: 'true' | 'false';
  from?: string;
  to?: string;
};

/** The query of GET /api/v1/reports for these filters (paging is added by the caller). */
export function filtersToQuery(filters: ReportFilters): ReportListQuery {
  const { urgent, ...rest } = filters;
  const query: ReportListQuery = { ...rest };
  if (urgent !== undefined) query.urgent = urgent ? 'true' : 'false';
  return query;
}

export function hasFilters(filters: ReportFilters): boolean {
  return filtersToParams(filters).size > 0;
}
