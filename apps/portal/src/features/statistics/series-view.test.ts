import { describe, expect, it } from 'vitest';
import { parseView, queryOf, readSeriesForm, viewToParams } from './series-view';

const params = (text: string) => new URLSearchParams(text);

describe('statistics view in the address', () => {
  it('opens grouped by month with no indicator (the page picks one)', () => {
    expect(parseView(params(''))).toEqual({ groupBy: 'month' });
    expect(queryOf(parseView(params('')))).toBeNull();
  });

  it('reads every filter and writes them back in a fixed order', () => {
    const text =
      'indicator=refusal_of_entry&groupBy=nationality&reportingCountry=THA&nationality=XXA&borderType=air&from=2026-01&to=2026-10';
    const view = parseView(params(text));
    expect(view).toEqual({
      indicator: 'refusal_of_entry',
      groupBy: 'nationality',
      reportingCountry: 'THA',
      nationality: 'XXA',
      borderType: 'air',
      from: '2026-01',
      to: '2026-10',
    });
    expect(viewToParams(view).toString()).toBe(text);
    expect(queryOf(view)).toEqual(view);
  });

  it('drops values that cannot be right instead of sending them', () => {
    const view = parseView(
      params(
        'indicator=nope&groupBy=team&reportingCountry=XXA&nationality=ZZZ&borderType=rail&from=2026-13&to=26-01',
      ),
    );
    expect(view).toEqual({ groupBy: 'month' });
    // XXA is a nationality, not a reporting country; codes are read in either case.
    expect(parseView(params('nationality=xxa&reportingCountry=lka'))).toEqual({
      groupBy: 'month',
      nationality: 'XXA',
      reportingCountry: 'LKA',
    });
  });

  it('drops an end month before the start month', () => {
    expect(parseView(params('from=2026-05&to=2026-04'))).toEqual({
      groupBy: 'month',
      from: '2026-05',
    });
  });

  it('keeps the grouping in the address even when it is the default', () => {
    expect(viewToParams({ groupBy: 'month', indicator: 'illegal_stay' }).toString()).toBe(
      'indicator=illegal_stay&groupBy=month',
    );
  });
});

describe('statistics form', () => {
  const submit = (entries: Record<string, string>) => readSeriesForm(Object.entries(entries));

  it('turns the fields into a view, leaving empty ones out', () => {
    expect(
      submit({ indicator: 'illegal_stay', groupBy: 'borderType', reportingCountry: '', from: '' }),
    ).toEqual({ view: { indicator: 'illegal_stay', groupBy: 'borderType' }, errors: {} });
  });

  it('refuses malformed months and months in the wrong order on their fields', () => {
    expect(submit({ indicator: 'illegal_stay', from: '2026-1', to: 'May' })).toEqual({
      view: null,
      errors: { from: 'form.monthInvalid', to: 'form.monthInvalid' },
    });
    expect(submit({ indicator: 'illegal_stay', from: '2026-06', to: '2026-02' })).toEqual({
      view: null,
      errors: { to: 'form.monthOrder' },
    });
  });
});
