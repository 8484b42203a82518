import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n/i18n';
import { CHART_CAP, drawChart } from './chart';
import type { Grouping } from './codes';
import type { StatsLabels } from './labels';
import type { Point } from './series-shape';

interface Props {
  groupBy: Grouping;
  ordered: readonly Point[];
  title: string;
  description: string;
  labels: StatsLabels;
}

/**
 * The chart in a <figure> named by its title and described in words (the drawing itself is
 * hidden from assistive technology: the table beside it carries the same figures). Plot is
 * imported (./plot) when the first chart is drawn, so the table does not wait for it.
 */
export function SeriesChart({ groupBy, ordered, title, description, labels }: Props) {
  const { t } = useTranslation('statistics');
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      // Whole pixels, and only real changes: a redraw per sub-pixel would be wasted work.
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = holder.current;
    if (!element || width < 120) return;
    let cancelled = false;
    import('./plot')
      .then((Plot) => {
        if (cancelled) return;
        const chart = drawChart(Plot, {
          groupBy,
          ordered,
          width,
          label: (key) => labels.key(groupBy, key),
          number: labels.number,
          countLabel: t('chart.count'),
        });
        element.replaceChildren(chart);
        setState('drawn');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [groupBy, ordered, width, labels, t]);

  const ids = `chart-${groupBy}`;
  return (
    <figure
      className="stats-figure"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-description`}
    >
      {state === 'drawing' ? (
        <p className="loading" role="status">
          {t('chart.drawing')}
        </p>
      ) : null}
      {state === 'failed' ? <p className="notice">{t('chart.failed')}</p> : null}
      {/* Plot's drawing goes here; React renders nothing inside it. dir=ltr: axes read
          left to right in every language, as do the YYYY-MM labels. */}
      <div ref={holder} className="stats-chart" aria-hidden="true" dir="ltr" />
      <figcaption>
        <span id={`${ids}-title`} className="stats-figure-title">
          {title}
        </span>
        <span id={`${ids}-description`} className="stats-figure-description">
          {description}
          {groupBy !== 'month' && ordered.length > CHART_CAP
            ? ` ${t('chart.capped', { shown: CHART_CAP, count: ordered.length })}`
            : ''}
        </span>
      </figcaption>
    </figure>
  );
}
