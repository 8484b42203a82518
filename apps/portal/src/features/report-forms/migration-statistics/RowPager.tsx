import { useFormsT } from '../use-forms-t';

interface RowPagerProps {
  page: number;
  pages: number;
  start: number;
  end: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous and next page of the observations table, with where the reader is in words. */
export function RowPager({ page, pages, start, end, total, onPage }: RowPagerProps) {
  const { t } = useFormsT();
  if (pages <= 1) return null;
  return (
    <nav className="row-pager" aria-label={t('stats.pager')}>
      <p role="status">{t('stats.showing', { from: start + 1, to: end, total })}</p>
      <div className="row">
        <button
          type="button"
          className="button button-secondary"
          disabled={page === 0}
          onClick={() => onPage(page - 1)}
        >
          {t('stats.previousRows')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={page >= pages - 1}
          onClick={() => onPage(page + 1)}
        >
          {t('stats.nextRows')}
        </button>
      </div>
    </nav>
  );
}
