import { describe, expect, it } from 'vitest';
import { monthsBetween, orderSeries, pickDefault, summarise } from './series-shape';

describe('series order', () => {
  const series = [
    { key: 'MMR', count: 3 },
    { key: 'LKA', count: 9 },
    { key: 'AFG', count: 3 },
  ];
  it('orders categories by count, largest first, ties by key', () => {
    expect(orderSeries('nationality', series).map((p) => p.key)).toEqual(['LKA', 'AFG', 'MMR']);
  });
  it('orders months in time', () => {
    const months = [
      { key: '2026-10', count: 1 },
      { key: '2025-12', count: 5 },
    ];
    expect(orderSeries('month', months).map((p) => p.key)).toEqual(['2025-12', '2026-10']);
  });
});

describe('months between', () => {
  it('lists every month across a year end, gaps included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-04', '2026-04')).toEqual(['2026-04']);
  });
  it('is capped and tolerates nonsense', () => {
    expect(monthsBetween('1900-01', '2026-01', 12)).toHaveLength(12);
    expect(monthsBetween('x', '2026-01')).toEqual([]);
  });
});

describe('summary', () => {
  it('gives the total, the highest point, the first and the last', () => {
    const s = summarise([
      { key: '2026-01', count: 4 },
      { key: '2026-02', count: 9 },
      { key: '2026-03', count: 9 },
    ]);
    expect(s).toEqual({
      total: 22,
      highest: { key: '2026-02', count: 9 },
      first: { key: '2026-01', count: 4 },
      last: { key: '2026-03', count: 9 },
    });
    expect(summarise([])).toEqual({ total: 0, highest: null, first: null, last: null });
  });
});

describe('default indicator', () => {
  it('picks the indicator whose last month is latest', () => {
    expect(
      pickDefault([
        { indicator: 'illegal_stay', series: [{ key: '2026-08', count: 100 }] },
        {
          indicator: 'refusal_of_entry',
          series: [
            { key: '2026-07', count: 1 },
            { key: '2026-09', count: 1 },
          ],
        },
        { indicator: 'effective_return', series: [] },
      ]),
    ).toBe('refusal_of_entry');
  });
  it('breaks a tie on the last month by the larger total, then by list order', () => {
    const month = (count: number) => [{ key: '2026-09', count }];
    expect(
      pickDefault([
        { indicator: 'illegal_stay', series: month(2) },
        { indicator: 'refusal_of_entry', series: month(40) },
      ]),
    ).toBe('refusal_of_entry');
    expect(
      pickDefault([
        { indicator: 'illegal_stay', series: month(2) },
        { indicator: 'refusal_of_entry', series: month(2) },
      ]),
    ).toBe('illegal_stay');
  });
  it('is null when there is no figure at all', () => {
    expect(pickDefault([{ indicator: 'illegal_stay', series: [] }])).toBeNull();
  });
});
