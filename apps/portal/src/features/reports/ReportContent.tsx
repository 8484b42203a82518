import { Deferred } from '../../components/Deferred';
import { PageHeading } from '../../components/PageHeading';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import type { Report } from './codes';
import { Envelope } from './Envelope';
import { ReportActions } from './ReportActions';
import { ReportBody } from './ReportBody';
import { StixDownload } from './StixDownload';

/**
 * Title, state, actions (the STIX download among them), summary, envelope and body. The title and summary carry the
 * anchors of their fields, so a refusal's summary can link to the text it found.
 */
export function ReportContent({ report, withActions }: { report: Report; withActions: boolean }) {
  const { t } = useTranslation('reports');
  return (
    <>
      <div id={fieldId('title')} tabIndex={-1}>
        <PageHeading title={report.title}>
          <span dir="auto">{report.title}</span>
        </PageHeading>
      </div>
      <p className="report-status-line">
        <span className="tag">{t(`common:status.${report.status}`)}</span>
        {report.urgent ? <span className="tag tag-urgent">{t('urgent')}</span> : null}
        <span>{t(`common:type.${report.type}`)}</span>
      </p>
      {report.status === 'draft' && report.returnComment ? (
        <div className="notice">
          <p>{t('view.returnedNotice')}</p>
          <p className="user-text" dir="auto">
            {report.returnComment}
          </p>
        </div>
      ) : null}
      {report.status === 'withdrawn' ? (
        <div className="notice">
          <p>{t('view.withdrawnNotice')}</p>
          {report.withdrawalReason ? (
            <p className="user-text" dir="auto">
              {report.withdrawalReason}
            </p>
          ) : null}
        </div>
      ) : null}
      {withActions ? <ReportActions report={report} /> : null}
      {withActions ? <StixDownload report={report} /> : null}
      {report.summary ? (
        <section id={fieldId('summary')} tabIndex={-1} aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('view.summary')}</h2>
          <p className="user-text" dir="auto">
            {report.summary}
          </p>
        </section>
      ) : null}
      <Deferred>
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{t('view.details')}</h2>
          <Envelope report={report} />
        </section>
        <section aria-labelledby="body-heading">
          <h2 id="body-heading">{t(`common:type.${report.type}`)}</h2>
          <ReportBody type={report.type} body={report.body} />
        </section>
      </Deferred>
    </>
  );
}
