import { useTranslation } from '../../lib/i18n/i18n';
import { useReportList, type Refusal, type ReportSummary } from '../reports';
import { useAuthorNames } from './queries';
import { ReviewItem } from './ReviewItem';

interface Props {
  teamId: string;
  teamName: string | undefined;
  /** With several teams each queue has its heading; with one, the page is the queue. */
  withHeading: boolean;
  onDone: (message: string) => void;
  onRefused: (report: ReportSummary, refusal: Refusal) => void;
}

/** The submitted reports of one team the caller leads (GET /reports?status=submitted&teamId). */
export function TeamQueue({ teamId, teamName, withHeading, onDone, onRefused }: Props) {
  const { t } = useTranslation('review');
  const list = useReportList({ status: 'submitted', teamId });
  const authors = useAuthorNames(teamId);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `queue-${teamId}`;

  const body =
    list.isPending || authors.isPending ? (
      <p className="loading" role="status">
        {t('common:loading')}
      </p>
    ) : list.isError ? (
      <div className="alert" role="alert">
        <p>{t('loadFailed')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void list.refetch()}
        >
          {t('common:retry')}
        </button>
      </div>
    ) : rows.length === 0 ? (
      <p className="notice">{t('empty')}</p>
    ) : (
      <>
        <p className="muted">{t('count', { count: rows.length })}</p>
        <ul className="review-list">
          {rows.map((report) => (
            <ReviewItem
              key={report.id}
              report={report}
              author={authors.names.get(report.authorId)}
              teamName={teamName}
              level={withHeading ? 3 : 2}
              onDone={onDone}
              onRefused={onRefused}
            />
          ))}
        </ul>
        {list.hasNextPage ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void (list.isFetchingNextPage ? null : list.fetchNextPage())}
          >
            {t('common:loadMore')}
          </button>
        ) : null}
      </>
    );

  if (!withHeading) return <section aria-label={teamName}>{body}</section>;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto">
        {teamName ?? '…'}
      </h2>
      {body}
    </section>
  );
}
