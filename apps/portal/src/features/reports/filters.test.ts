import { describe, expect, it } from 'vitest';
import { readFilterForm } from './filter-form';
import { filtersToParams, filtersToQuery, hasFilters, parseFilters } from './filters';

const TEAM = '0194f0a2-7b3c-7d41-9a55-1c2d3e4f5a6b';

describe('report filters in the URL', () => {
  it('default to published reports and write nothing for the defaults', () => {
    const filters = parseFilters(new URLSearchParams(''));
    expect(filters).toEqual({ status: 'published' });
    expect(filtersToParams(filters).toString()).toBe('');
    expect(hasFilters(filters)).toBe(false);
  });

  it('read every filter and write them back in one order', () => {
    const search =
      'q=forged+passports&type=visa_fraud_trend&status=draft&team=' +
      TEAM +
      '&country=tha&tlp=AMBER%2BSTRICT&urgent=true&from=2026-01-01&to=2026-02-28';
    const filters = parseFilters(new URLSearchParams(search));
    expect(filters).toEqual({
      q: 'forged passports',
      type: 'visa_fraud_trend',
      status: 'draft',
      teamId: TEAM,
      country: 'THA',
      tlp: 'AMBER+STRICT',
      urgent: true,
      from: '2026-01-01',
      to: '2026-02-28',
    });
    const written = filtersToParams(filters);
    expect(written.get('tlp')).toBe('AMBER+STRICT');
    expect(written.toString()).toContain('tlp=AMBER%2BSTRICT');
    expect(parseFilters(written)).toEqual(filters);
  });

  it('drop values that cannot be right instead of sending them', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'type=poem&status=secret&team=42&country=TH&tlp=PINK&urgent=yes&from=2026-02-30&to=soon&q=%20%20',
      ),
    );
    expect(filters).toEqual({ status: 'published' });
  });

  it('keep urgent=false apart from no urgency filter', () => {
    const filters = parseFilters(new URLSearchParams('urgent=false'));
    expect(filters.urgent).toBe(false);
    expect(filtersToParams(filters).toString()).toBe('urgent=false');
    expect(filtersToQuery(filters)).toEqual({ status: 'published', urgent: 'false' });
  });

  it('map to the API query with teamId and urgent as text', () => {
    expect(
      filtersToQuery({ status: 'submitted', teamId: TEAM, urgent: true, country: 'XXA' }),
    ).toEqual({ status: 'submitted', teamId: TEAM, urgent: 'true', country: 'XXA' });
  });

  it('cap a long search at 200 characters', () => {
    const filters = parseFilters(new URLSearchParams({ q: 'a'.repeat(500) }));
    expect(filters.q).toHaveLength(200);
  });
});

describe('the filter form', () => {
  const form = (values: Record<string, string>) => Object.entries(values);

  it('turns the fields into filters, ignoring empty ones', () => {
    const result = readFilterForm(
      form({ q: ' boats ', type: '', status: 'published', country: 'mys', urgent: '' }),
    );
    expect(result).toEqual({
      filters: { status: 'published', q: 'boats', country: 'MYS' },
      errors: {},
    });
  });

  it('refuses a country that is not a three-letter code on its field', () => {
    expect(readFilterForm(form({ country: 'Thailand' }))).toEqual({
      filters: null,
      errors: { country: 'list.countryInvalid' },
    });
  });

  it('refuses dates in the wrong order on the end date', () => {
    expect(readFilterForm(form({ from: '2026-03-01', to: '2026-02-01' })).errors).toEqual({
      to: 'list.dateOrder',
    });
    expect(readFilterForm(form({ from: '2026-13-01' })).errors).toEqual({
      from: 'list.dateInvalid',
    });
  });
});
