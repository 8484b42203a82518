import { useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAnnouncer } from '../../components/Announcer';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { csvFileName } from './csv';
import { describeChart } from './describe';
import { useStatsLabels } from './labels';
import { useDefaultIndicator, useSeries } from './queries';
import { SeriesChart } from './SeriesChart';
import { SeriesForm } from './SeriesForm';
import { CsvLink, SeriesTable } from './SeriesTable';
import { orderSeries } from './series-shape';
import {
  filtersOf,
  hasFilters,
  parseView,
  queryOf,
  viewToParams,
  type SeriesView,
} from './series-view';
import { seriesTable } from './table-model';
import './statistics.css';

/** Marks a view the page chose itself, so it can say why it shows that indicator. */
interface PickedState {
  picked?: boolean;
}

/** /statistics: indicator, grouping and filters in the address; a chart and its table. */
export function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const labels = useStatsLabels();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { announce } = useAnnouncer();
  const view = parseView(params);
  const filters = filtersOf(view);
  const choosing = !view.indicator;
  const picked = useDefaultIndicator(filters, choosing);
  const query = queryOf(view);
  const series = useSeries(query);
  const key = JSON.stringify(query);

  // No indicator in the address: once the nine monthly series are in, the latest one
  // becomes the view (replacing the entry, so Back does not return to the bare address).
  const target =
    choosing && picked.indicator
      ? viewToParams({ ...view, indicator: picked.indicator }).toString()
      : null;
  useEffect(() => {
    if (target === null) return;
    void navigate(`/statistics?${target}`, {
      replace: true,
      state: { picked: true } satisfies PickedState,
    });
  }, [target, navigate]);

  const groupBy = view.groupBy;
  const ordered = useMemo(
    () => orderSeries(groupBy, series.data?.series ?? []),
    [groupBy, series.data],
  );
  const title = view.indicator
    ? t('viewTitle', { indicator: labels.indicator(view.indicator), groupBy })
    : t('title');
  const model = useMemo(
    () =>
      seriesTable(groupBy, ordered, {
        grouping: labels.grouping,
        key: labels.key,
        count: t('table.count'),
        total: t('table.total'),
      }),
    [groupBy, ordered, labels, t],
  );

  // After "Show", the answer is announced (a first visit is not).
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!series.isSuccess || series.isFetching || pending.current !== key) return;
    pending.current = null;
    announce(t('announce', { count: model.rows.length, total: labels.number(model.total[1]) }));
  }, [series.isSuccess, series.isFetching, key, model, announce, labels, t]);

  const apply = (next: SeriesView) => {
    pending.current = JSON.stringify(queryOf(next));
    setParams(viewToParams(next));
  };

  const wasPicked = (location.state as PickedState | null)?.picked === true;

  return (
    <div className="stats-page">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lede">{t('lede')}</p>
      {choosing ? (
        picked.error ? (
          <Failed onRetry={picked.refetch} />
        ) : (
          <p className="loading" role="status">
            {t('picking')}
          </p>
        )
      ) : (
        <>
          <SeriesForm
            key={location.key}
            view={view}
            indicator={view.indicator ?? ''}
            labels={labels}
            onApply={apply}
          />
          <section className="stats-result" aria-labelledby="stats-result-title">
            <h2 id="stats-result-title">{title}</h2>
            <p className="muted">{describeFilters(view, labels, t)}</p>
            {wasPicked && groupBy === 'month' && ordered.length > 0 ? (
              <p className="notice">
                {t('defaulted', { month: labels.month(ordered[ordered.length - 1]?.key ?? '') })}
              </p>
            ) : null}
            {series.isPending ? (
              <p className="loading" role="status">
                {t('common:loading')}
              </p>
            ) : series.isError ? (
              <Failed onRetry={() => void series.refetch()} />
            ) : ordered.length === 0 ? (
              <p className="notice">
                {wasPicked && !hasFilters(view) ? t('nothingYet') : t('empty')}
              </p>
            ) : (
              <>
                <div className="stats-layout">
                  <SeriesChart
                    groupBy={groupBy}
                    ordered={ordered}
                    title={title}
                    description={describeChart(t, labels, title, groupBy, ordered)}
                    labels={labels}
                  />
                  <SeriesTable
                    model={model}
                    groupBy={groupBy}
                    caption={t('table.caption', { title })}
                    labels={labels}
                  />
                </div>
                {view.indicator ? (
                  <CsvLink model={model} fileName={csvFileName(view.indicator, groupBy, filters)} />
                ) : null}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function Failed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation('statistics');
  return (
    <div className="alert" role="alert">
      <p>{t('loadFailed')}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('common:retry')}
      </button>
    </div>
  );
}

/** The filters in force, in words ("Filtered to: Thailand (THA), Air, from Jan 2026"). */
function describeFilters(
  view: SeriesView,
  labels: ReturnType<typeof useStatsLabels>,
  t: (key: string, values?: Record<string, string>) => string,
): string {
  const parts: string[] = [];
  if (view.reportingCountry)
    parts.push(`${t('form.reportingCountry')}: ${labels.countryWithCode(view.reportingCountry)}`);
  if (view.nationality)
    parts.push(`${t('form.nationality')}: ${labels.countryWithCode(view.nationality)}`);
  if (view.borderType) parts.push(`${t('form.borderType')}: ${t(`borderType.${view.borderType}`)}`);
  if (view.from) parts.push(t('filterFrom', { month: labels.month(view.from) }));
  if (view.to) parts.push(t('filterTo', { month: labels.month(view.to) }));
  return parts.length === 0 ? t('noFilters') : t('activeFilters', { filters: parts.join('; ') });
}
