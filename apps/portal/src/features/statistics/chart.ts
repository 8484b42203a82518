import type * as PlotModule from './plot';
import type { Grouping } from './codes';
import { monthsBetween, type Point } from './series-shape';

/** Bars beyond this many categories go to the table only: the chart stays readable. */
export const CHART_CAP = 25;
const INK = '#0b0c0c';
const BAR = '#0b3d60';
const MAX_BAR = 72;

interface ChartInput {
  groupBy: Grouping;
  /** The series in the order the table shows it. */
  ordered: readonly Point[];
  width: number;
  label: (key: string) => string;
  number: (value: number) => string;
  countLabel: string;
}

/**
 * The chart as Observable Plot draws it: bars; months on a band axis in time order,
 * labelled `YYYY-MM` (Gregorian, the same in every language); other groupings as
 * horizontal bars, largest first. Plot's own <style> element is removed: the page's CSP
 * (`style-src 'self'`) blocks inline style sheets, and statistics.css gives the same rules.
 */
export function drawChart(Plot: typeof PlotModule, input: ChartInput): Element {
  const chart = input.groupBy === 'month' ? monthChart(Plot, input) : groupChart(Plot, input);
  chart.querySelector('style')?.remove();
  return chart;
}

const PADDING = 0.2;

/**
 * The side insets that keep a bar no wider than MAX_BAR when there are few of them. A band
 * scale with inner and outer padding p gives each of n bands span × (1 − p) / (n + p).
 */
function inset(span: number, bands: number): number {
  const bandwidth = (span * (1 - PADDING)) / (Math.max(bands, 1) + PADDING);
  return Math.max(0, Math.floor((bandwidth - MAX_BAR) / 2));
}

function monthChart(Plot: typeof PlotModule, input: ChartInput): Element {
  const { ordered, width } = input;
  const first = ordered[0]?.key ?? '';
  const months = monthsBetween(first, ordered[ordered.length - 1]?.key ?? first);
  const margin = { top: 24, right: 16, bottom: 40, left: 64 };
  const span = width - margin.left - margin.right;
  // One label per ~64 px, so labels never overlap; the rest of the bands keep their place.
  const every = Math.max(1, Math.ceil(months.length / Math.max(1, Math.floor(span / 64))));
  const rotate = every === 1 && months.length * 64 > span;
  const sideInset = inset(span, months.length);
  return Plot.plot({
    className: 'stats-plot',
    width,
    height: 320,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: rotate ? 64 : margin.bottom,
    marginLeft: margin.left,
    x: {
      type: 'band',
      domain: months,
      padding: PADDING,
      label: null,
      ticks: months.filter((_, i) => i % every === 0),
      tickRotate: rotate ? -45 : 0,
    },
    y: {
      grid: true,
      nice: true,
      zero: true,
      label: input.countLabel,
      tickFormat: (value: number) => (Number.isInteger(value) ? input.number(value) : ''),
    },
    marks: [
      Plot.barY(ordered, {
        x: 'key',
        y: 'count',
        fill: BAR,
        // Sideways only: an inset on every side would also cut the bar's height.
        insetLeft: sideInset,
        insetRight: sideInset,
      }),
      Plot.ruleY([0], { stroke: INK }),
      months.length <= 24
        ? Plot.text(ordered, {
            x: 'key',
            y: 'count',
            text: (p: Point) => input.number(p.count),
            dy: -8,
            fill: INK,
          })
        : null,
    ],
  });
}

function groupChart(Plot: typeof PlotModule, input: ChartInput): Element {
  const shown = input.ordered.slice(0, CHART_CAP);
  const short = (key: string) => {
    const text = input.label(key);
    return text.length > 30 ? `${text.slice(0, 29)}…` : text;
  };
  const longest = Math.max(...shown.map((p) => short(p.key).length), 4);
  return Plot.plot({
    className: 'stats-plot',
    width: input.width,
    height: shown.length * 32 + 56,
    marginTop: 32,
    marginRight: 56,
    marginBottom: 24,
    // About 7 px a character at the chart's 12 px type.
    marginLeft: Math.min(240, longest * 7 + 16),
    y: {
      type: 'band',
      domain: shown.map((p) => p.key),
      padding: 0.25,
      label: null,
      tickFormat: short,
    },
    x: {
      grid: true,
      nice: true,
      zero: true,
      axis: 'top',
      label: input.countLabel,
      tickFormat: (value: number) => (Number.isInteger(value) ? input.number(value) : ''),
    },
    marks: [
      Plot.barX(shown, { y: 'key', x: 'count', fill: BAR }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.text(shown, {
        y: 'key',
        x: 'count',
        text: (p: Point) => input.number(p.count),
        dx: 6,
        textAnchor: 'start',
        fill: INK,
      }),
    ],
  });
}
