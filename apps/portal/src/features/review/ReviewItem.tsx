import { useState } from 'react';
import { Link } from 'react-router';
import { TlpChip } from '../../components/Tlp';
import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import {
  CommentForm,
  Evaluation,
  refusalOf,
  useReportTransition,
  type Refusal,
  type ReportSummary,
} from '../reports';

interface Props {
  report: ReportSummary;
  author: string | undefined;
  teamName: string | undefined;
  level: 2 | 3;
  onDone: (message: string) => void;
  onRefused: (report: ReportSummary, refusal: Refusal) => void;
}

/** One submitted report with its two decisions; Return opens a comment form in place. */
export function ReviewItem({ report, author, teamName, level, onDone, onRefused }: Props) {
  const { t, i18n } = useTranslation('review');
  const transition = useReportTransition();
  const [returning, setReturning] = useState(false);
  const Heading = level === 2 ? 'h2' : 'h3';
  const titleId = `review-${report.id}`;
  const busy = transition.isPending;

  const decide = (action: 'publish' | 'return', comment?: string) => {
    if (busy) return;
    transition.mutate(
      { id: report.id, action, text: comment },
      {
        onSuccess: () =>
          onDone(t(action === 'publish' ? 'published' : 'returned', { title: report.title })),
        onError: (error) => {
          const refusal = refusalOf(error);
          if (comment && refusal.kind === 'fields') return;
          setReturning(false);
          onRefused(report, refusal);
        },
      },
    );
  };

  return (
    <li className="review-item">
      <article aria-labelledby={titleId}>
        <Heading id={titleId} className="review-item-title">
          <Link to={`/reports/${report.id}`} dir="auto">
            {report.title}
          </Link>
        </Heading>
        <p className="review-item-meta">
          <TlpChip tlp={report.tlp} />
          {report.urgent ? <span className="tag tag-urgent">{t('reports:urgent')}</span> : null}
          <span>{t(`common:type.${report.type}`)}</span>
          <Evaluation
            source={report.sourceReliability}
            information={report.informationCredibility}
          />
        </p>
        <p className="muted review-item-meta">
          <span dir="auto">{t('by', { name: author ?? t('unknownAuthor') })}</span>
          <span dir="auto">{t('team', { name: teamName ?? '…' })}</span>
          {report.submittedAt ? (
            <span>
              {t('submitted', { date: formatDateTime(report.submittedAt, i18n.language) })}
            </span>
          ) : null}
        </p>
        <div className="row">
          <button
            type="button"
            className="button"
            aria-disabled={busy || undefined}
            onClick={() => decide('publish')}
          >
            {t('publish')}
            <span className="visually-hidden"> “{report.title}”</span>
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={returning}
            aria-controls={returning ? `${titleId}-return` : undefined}
            onClick={() => {
              transition.reset();
              setReturning((open) => !open);
            }}
          >
            {t('return')}
            <span className="visually-hidden"> “{report.title}”</span>
          </button>
        </div>
        {returning ? (
          <div id={`${titleId}-return`} className="review-return">
            <CommentForm
              field="comment"
              idPrefix={titleId}
              label={t('comment')}
              hint={t('commentHint')}
              requiredMessage={t('commentRequired')}
              submitLabel={t('confirmReturn')}
              busy={busy}
              error={transition.error}
              onSubmit={(comment) => decide('return', comment)}
              onCancel={() => setReturning(false)}
            />
          </div>
        ) : null}
      </article>
    </li>
  );
}
