import {
  BORDER_TYPES,
  GROUPINGS,
  INDICATORS,
  isCountry,
  isMonth,
  isNationality,
  oneOf,
  type BorderType,
  type CountryCode,
  type Grouping,
  type Indicator,
  type NationalityCode,
} from './codes';

/**
 * What the Statistics explorer shows. It lives in the address only (a copied link, a reload,
 * back and forward reproduce the view), so these functions are the one mapping between the
 * address bar, the form and GET /api/v1/statistics/series.
 */
export interface SeriesFilters {
  reportingCountry?: CountryCode;
  nationality?: NationalityCode;
  borderType?: BorderType;
  /** Inclusive months, `YYYY-MM`. */
  from?: string;
  to?: string;
}

export interface SeriesView extends SeriesFilters {
  /** Absent until picked: the page then opens on the indicator with the latest figures. */
  indicator?: Indicator;
  groupBy: Grouping;
}

export type SeriesQuery = SeriesFilters & { indicator: Indicator; groupBy: Grouping };

const FILTER_NAMES = ['reportingCountry', 'nationality', 'borderType', 'from', 'to'] as const;

/** Reads the view from the address; a value that cannot be right is dropped, not sent. */
export function parseView(params: URLSearchParams): SeriesView {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const view: SeriesView = { groupBy: oneOf(GROUPINGS, text('groupBy')) ?? 'month' };
  const indicator = oneOf(INDICATORS, text('indicator'));
  if (indicator) view.indicator = indicator;
  const reporting = text('reportingCountry')?.toUpperCase();
  if (reporting && isCountry(reporting)) view.reportingCountry = reporting;
  const nationality = text('nationality')?.toUpperCase();
  if (nationality && isNationality(nationality)) view.nationality = nationality;
  const border = oneOf(BORDER_TYPES, text('borderType'));
  if (border) view.borderType = border;
  const from = text('from');
  const to = text('to');
  if (from && isMonth(from)) view.from = from;
  // Months in the wrong order would only earn a 400: the end is the one dropped.
  if (to && isMonth(to) && !(view.from && view.from > to)) view.to = to;
  return view;
}

/** Writes the view into the address in a fixed order, leaving out what is not set. */
export function viewToParams(view: SeriesView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.indicator) params.set('indicator', view.indicator);
  params.set('groupBy', view.groupBy);
  for (const name of FILTER_NAMES) {
    const value = view[name];
    if (value) params.set(name, value);
  }
  return params;
}

export function filtersOf(view: SeriesView): SeriesFilters {
  const filters: SeriesFilters = {};
  for (const name of FILTER_NAMES) {
    const value = view[name];
    if (value) (filters as Record<string, string>)[name] = value;
  }
  return filters;
}

export function hasFilters(view: SeriesView): boolean {
  return Object.keys(filtersOf(view)).length > 0;
}

/** The query of GET /api/v1/statistics/series, once an indicator is known. */
export function queryOf(view: SeriesView): SeriesQuery | null {
  if (!view.indicator) return null;
  return { indicator: view.indicator, groupBy: view.groupBy, ...filtersOf(view) };
}

/** What the form's fields may say is wrong, as keys of the statistics catalogue. */
export type SeriesFormErrors = Partial<Record<'from' | 'to', string>>;

/**
 * Reads the submitted form. Months the address would silently drop (a malformed one, an
 * end before the start) are refused on their field instead, so the person sees why.
 */
export function readSeriesForm(form: Iterable<[string, FormDataEntryValue]>): {
  view: SeriesView | null;
  errors: SeriesFormErrors;
} {
  const params = new URLSearchParams();
  for (const [name, value] of form) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  const errors: SeriesFormErrors = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && !isMonth(from)) errors.from = 'form.monthInvalid';
  if (to !== null && !isMonth(to)) errors.to = 'form.monthInvalid';
  if (!errors.from && !errors.to && from && to && from > to) errors.to = 'form.monthOrder';
  if (Object.keys(errors).length > 0) return { view: null, errors };
  return { view: parseView(params), errors };
}
