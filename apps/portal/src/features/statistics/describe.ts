import type { TFunction } from '../../lib/i18n/i18n';
import type { Grouping } from './codes';
import type { StatsLabels } from './labels';
import { summarise, type Point } from './series-shape';

/**
 * The chart in words, for its figure's description: what it shows, its span, and its
 * highest point ("Bar chart of Refusal of entry by month, Jan 2026 to Oct 2026; highest
 * 420 in Aug 2026.").
 */
export function describeChart(
  t: TFunction,
  labels: StatsLabels,
  title: string,
  groupBy: Grouping,
  ordered: readonly Point[],
): string {
  const { highest, first, last } = summarise(ordered);
  if (!highest || !first || !last) return '';
  const word = (key: string) => labels.key(groupBy, key);
  const values = { title, max: labels.number(highest.count), top: word(highest.key) };
  if (ordered.length === 1) return t('chart.one', values);
  if (groupBy === 'month')
    return t('chart.months', { ...values, first: word(first.key), last: word(last.key) });
  return t('chart.groups', { ...values, count: ordered.length });
}
