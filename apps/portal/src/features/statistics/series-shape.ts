import type { Grouping, Indicator } from './codes';

export interface Point {
  key: string;
  count: number;
}

/**
 * The order the chart and the table share: months in time order, anything else by count,
 * largest first (ties by key), so the two always read the same way.
 */
export function orderSeries(groupBy: Grouping, series: readonly Point[]): Point[] {
  const copy = [...series];
  if (groupBy === 'month') return copy.sort((a, b) => a.key.localeCompare(b.key));
  return copy.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Every month from `first` to `last` inclusive (`YYYY-MM`), for the chart's time axis: a
 * month without figures keeps its place as a gap instead of bringing its neighbours
 * together. Capped, so a stray old month cannot draw thousands of bands.
 */
export function monthsBetween(first: string, last: string, cap = 240): string[] {
  const [fy, fm] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  if (!fy || !fm || !ly || !lm) return [];
  const months: string[] = [];
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? (y++, (m = 1)) : m++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (months.length >= cap) break;
  }
  return months;
}

export interface SeriesSummary {
  total: number;
  /** The largest point (the first of equals in the series' order). */
  highest: Point | null;
  first: Point | null;
  last: Point | null;
}

export function summarise(series: readonly Point[]): SeriesSummary {
  let highest: Point | null = null;
  let total = 0;
  for (const point of series) {
    total += point.count;
    if (!highest || point.count > highest.count) highest = point;
  }
  return {
    total,
    highest,
    first: series[0] ?? null,
    last: series[series.length - 1] ?? null,
  };
}

export interface Candidate {
  indicator: Indicator;
  series: readonly Point[];
}

/**
 * The explorer's opening view: of the indicators' monthly series, the one whose last month
 * is latest; of equals, the one with the most in all; of equals again, the first in the
 * list. Null when no indicator has any figure.
 */
export function pickDefault(candidates: readonly Candidate[]): Indicator | null {
  let best: { indicator: Indicator; last: string; total: number } | null = null;
  for (const { indicator, series } of candidates) {
    if (series.length === 0) continue;
    const last = series.reduce((max, p) => (p.key > max ? p.key : max), '');
    const total = series.reduce((sum, p) => sum + p.count, 0);
    if (!best || last > best.last || (last === best.last && total > best.total))
      best = { indicator, last, total };
  }
  return best?.indicator ?? null;
}
