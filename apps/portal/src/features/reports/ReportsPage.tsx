import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useAnnouncer } from '../../components/Announcer';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { filtersToParams, filtersToQuery, parseFilters, type ReportFilters } from './filters';
import { FilterForm } from './FilterForm';
import { ReportListItem } from './ReportListItem';
import { useReportList, useTeams } from './queries';
import './reports.css';

/** /reports: search and filters kept in the address, results paged by cursor. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = parseFilters(params);
  const list = useReportList(filters);
  const { names } = useTeams();
  const { announce } = useAnnouncer();
  const listRef = useRef<HTMLUListElement>(null);
  // Set by a search or "Load more": the answer to that request is announced (a first
  // visit is not). It names the list it waits for, since the address changes in a
  // transition and the old list may render once more before the new one is asked for.
  const pending = useRef<{ key: string; focusFrom: number | null } | null>(null);
  const [request, setRequest] = useState(0);
  const key = JSON.stringify(filtersToQuery(filters));

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const settled = list.isSuccess && !list.isFetching;

  useEffect(() => {
    const waiting = pending.current;
    if (!settled || !waiting || waiting.key !== key) return;
    const more = waiting.focusFrom;
    if (more !== null && rows.length <= more && list.hasNextPage) return;
    pending.current = null;
    announce(t('list.announce', { count: rows.length, more: String(list.hasNextPage) }), 'polite');
    // After "Load more", focus goes to the first new row, so the place in the list is kept.
    if (more !== null) listRef.current?.querySelectorAll<HTMLAnchorElement>('h3 a')[more]?.focus();
  }, [settled, key, request, rows.length, list.hasNextPage, announce, t]);

  const apply = (next: ReportFilters) => {
    pending.current = { key: JSON.stringify(filtersToQuery(next)), focusFrom: null };
    setRequest((n) => n + 1);
    setParams(filtersToParams(next));
  };

  return (
    <div className="report-page">
      <PageHeading title={t('list.title')}>{t('list.title')}</PageHeading>
      <div className="reports-layout">
        <FilterForm key={location.key} filters={filters} onApply={apply} />
        <section className="report-results" aria-labelledby="results-heading">
          <h2 id="results-heading">{t('list.results')}</h2>
          {list.isPending ? (
            <p className="loading" role="status">
              {t('common:loading')}
            </p>
          ) : list.isError ? (
            <div className="alert" role="alert">
              <p>{t('list.loadFailed')}</p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void list.refetch()}
              >
                {t('common:retry')}
              </button>
            </div>
          ) : rows.length === 0 ? (
            <p className="notice">{t('list.empty')}</p>
          ) : (
            <>
              <p className="muted">
                {t('list.shown', { count: rows.length })}
                {list.hasNextPage ? ` ${t('list.more')}` : ''}
              </p>
              <ul className="report-list" ref={listRef}>
                {rows.map((report) => (
                  <ReportListItem
                    key={report.id}
                    report={report}
                    teamName={names.get(report.teamId)}
                  />
                ))}
              </ul>
            </>
          )}
          {list.hasNextPage ? (
            <button
              type="button"
              className="button button-secondary"
              aria-disabled={list.isFetchingNextPage || undefined}
              onClick={() => {
                if (list.isFetchingNextPage) return;
                pending.current = { key, focusFrom: rows.length };
                setRequest((n) => n + 1);
                void list.fetchNextPage();
              }}
            >
              {list.isFetchingNextPage ? t('common:loading') : t('common:loadMore')}
            </button>
          ) : null}
        </section>
      </div>
    </div>
  );
}
