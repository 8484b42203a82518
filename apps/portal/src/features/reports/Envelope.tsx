import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { CountryList, Facts } from './body-parts';
import type { Report } from './codes';
import { Evaluation } from './Evaluation';
import { useTeams } from './queries';

/** The envelope of a report as a summary list: what it is, where it stands, when. */
export function Envelope({ report }: { report: Report }) {
  const { t, i18n } = useTranslation('reports');
  const { names } = useTeams();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : undefined);
  const userText = (text: string | null) =>
    text ? (
      <span className="user-text" dir="auto">
        {text}
      </span>
    ) : undefined;
  return (
    <Facts
      rows={[
        [t('view.type'), t(`common:type.${report.type}`)],
        [t('view.status'), t(`common:status.${report.status}`)],
        [t('view.version'), <bdi key="version">{String(report.version)}</bdi>],
        [
          t('view.team'),
          <span key="team" dir="auto">
            {names.get(report.teamId) ?? '…'}
          </span>,
        ],
        [t('view.urgent'), report.urgent ? t('view.yes') : t('view.no')],
        [
          t('evaluation.label'),
          <Evaluation
            key="evaluation"
            full
            source={report.sourceReliability}
            information={report.informationCredibility}
          />,
        ],
        [
          t('view.countries'),
          report.countries.length > 0 ? (
            <CountryList key="c" codes={report.countries} />
          ) : (
            t('view.none')
          ),
        ],
        [t('view.created'), when(report.createdAt)],
        [t('view.submitted'), when(report.submittedAt)],
        [t('view.published'), when(report.publishedAt)],
        [t('view.updated'), when(report.updatedAt)],
        [t('view.withdrawn'), when(report.withdrawnAt)],
        [
          t('view.returnComment'),
          report.status === 'draft' ? userText(report.returnComment) : undefined,
        ],
        [
          t('view.withdrawalReason'),
          report.status === 'withdrawn' ? userText(report.withdrawalReason) : undefined,
        ],
      ]}
    />
  );
}
