import { Link } from 'react-router';
import { TlpChip } from '../../components/Tlp';
import { formatDate } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import type { ReportSummary } from './codes';
import { Evaluation } from './Evaluation';
import { useLabels } from './labels';

interface Props {
  report: ReportSummary;
  teamName: string | undefined;
}

/** One row of the list: the title is the link (its name is the title, for every reader). */
export function ReportListItem({ report, teamName }: Props) {
  const { t } = useTranslation('reports');
  const labels = useLabels();
  const date = report.publishedAt
    ? t('list.published', { date: formatDate(report.publishedAt, labels.language) })
    : t('list.updated', { date: formatDate(report.updatedAt, labels.language) });
  return (
    <li className="report-item">
      <h3 className="report-item-title">
        <Link to={`/reports/${report.id}`} dir="auto">
          {report.title}
        </Link>
      </h3>
      <p className="report-item-meta">
        <bdi>
          <TlpChip tlp={report.tlp} />
        </bdi>
        {report.urgent ? <span className="tag tag-urgent">{t('urgent')}</span> : null}
        {report.status !== 'published' ? (
          <span className="tag">{t(`common:status.${report.status}`)}</span>
        ) : null}
        <span>{t(`common:type.${report.type}`)}</span>
        <Evaluation source={report.sourceReliability} information={report.informationCredibility} />
      </p>
      {report.summary ? (
        <p className="report-item-summary" dir="auto">
          {report.summary}
        </p>
      ) : null}
      <p className="report-item-facts muted">
        <span>
          {t('list.team2')}: <span dir="auto">{teamName ?? '…'}</span>
        </span>
        {report.countries.length > 0 ? (
          <span>
            {t('list.countries')}: {report.countries.map(labels.country).join(', ')}
          </span>
        ) : null}
        <span>{date}</span>
      </p>
    </li>
  );
}
