import { isCountryCode, isIsoDate, parseFilters, type ReportFilters } from './filters';

/** What the filter form's fields may say is wrong, as keys of the reports catalogue. */
export type FilterFormErrors = Partial<Record<'country' | 'from' | 'to', string>>;

export interface FilterFormResult {
  filters: ReportFilters | null;
  errors: FilterFormErrors;
}

/**
 * Reads the submitted filter form. Values the address would silently drop (a country
 * code that is not three letters, dates in the wrong order) are refused on their field
 * instead, so the person sees why the list did not change.
 */
export function readFilterForm(form: Iterable<[string, FormDataEntryValue]>): FilterFormResult {
  const params = new URLSearchParams();
  for (const [name, value] of form) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  const errors: FilterFormErrors = {};
  const country = params.get('country')?.toUpperCase();
  if (country !== undefined && !isCountryCode(country)) errors.country = 'list.countryInvalid';
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && !isIsoDate(from)) errors.from = 'list.dateInvalid';
  if (to !== null && !isIsoDate(to)) errors.to = 'list.dateInvalid';
  if (!errors.from && !errors.to && from && to && from > to) errors.to = 'list.dateOrder';
  if (Object.keys(errors).length > 0) return { filters: null, errors };
  return { filters: parseFilters(params), errors };
}
