import { useCallback, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { Deferred } from '../../components/Deferred';
import { TlpBanner } from '../../components/Tlp';
import { isApiError } from '../../lib/api/problem';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { useLiveNotifications, type LiveNotification } from '../../lib/live/events';
import { NotFoundPage } from '../not-found';
import { withCodes } from './body-parts';
import { isUuid, type Report, type ReportVersion } from './codes';
import { useRecipients } from './recipients';
import { ReportContent } from './ReportContent';
import { reportKeys, useReport, useVersions } from './queries';
import { VersionHistory } from './VersionHistory';
import './reports.css';

/** /reports/:id — a report the caller may not read is the Not found page, nothing else. */
export function ReportPage() {
  const { id } = useParams();
  if (!isUuid(id)) return <NotFoundPage />;
  return <ReportView key={id} id={id.toLowerCase()} />;
}

function ReportView({ id }: { id: string }) {
  const { t } = useTranslation('reports');
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const report = useReport(id);
  const versions = useVersions(id, report.isSuccess);
  const reading = /^\d{1,6}$/.test(params.get('version') ?? '')
    ? Number(params.get('version'))
    : null;

  // An amendment or withdrawal that arrives while the report is open shows at once.
  const onLive = useCallback(
    (notification: LiveNotification) => {
      if (notification.reportId === id)
        void queryClient.invalidateQueries({ queryKey: reportKeys.report(id) });
    },
    [id, queryClient],
  );
  useLiveNotifications(onLive);

  // An old version is shown only once the history has come, never the current one first.
  if (report.isPending || (reading !== null && versions.isPending))
    return (
      <p className="loading" role="status">
        {t('common:loading')}
      </p>
    );
  if (isApiError(report.error, 404)) return <NotFoundPage />;
  if (report.isError)
    return (
      <div className="alert" role="alert">
        <p>{t('view.loadFailed')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void report.refetch()}
        >
          {t('common:retry')}
        </button>
      </div>
    );

  const items = versions.data?.items;
  const latest = items?.at(-1)?.version;
  const old =
    reading !== null && reading !== latest ? items?.find((v) => v.version === reading) : undefined;
  const shown: Report = old
    ? {
        ...report.data,
        ...old,
        tlp: old.tlp as Report['tlp'],
        sourceReliability: old.sourceReliability as Report['sourceReliability'],
        informationCredibility: old.informationCredibility as Report['informationCredibility'],
        createdAt: report.data.createdAt,
        updatedAt: old.createdAt,
      }
    : report.data;
  const missing =
    reading !== null && items !== undefined && !items.some((v) => v.version === reading);

  return (
    <ReportDocument report={shown} old={old ?? null} missing={missing ? reading : null}>
      <VersionHistory
        versions={items}
        failed={versions.isError}
        reading={old ? old.version : null}
      />
    </ReportDocument>
  );
}

interface DocumentProps {
  report: Report;
  old: ReportVersion | null;
  missing: number | null;
  children: ReactNode;
}

/** The report as read: handling at the top and at the bottom, the content between. */
function ReportDocument({ report, old, missing, children }: DocumentProps) {
  const { t, i18n } = useTranslation('reports');
  const recipients = useRecipients(report.tlp, report.distribution);
  const current = <Link to={{ search: '' }}>{t('versions.readCurrent')}</Link>;
  return (
    <article className="report-view">
      <TlpBanner tlp={report.tlp} recipients={recipients} position="top" />
      {old ? (
        <p className="notice">
          {withCodes(
            (marks) =>
              t('versions.reading', {
                date: formatDateTime(old.createdAt, i18n.language),
                ...marks,
              }),
            { version: formatNumber(old.version, i18n.language) },
          )}{' '}
          {current}
        </p>
      ) : null}
      {missing !== null ? (
        <p className="notice">
          {withCodes((marks) => t('versions.missing', marks), {
            version: formatNumber(missing, i18n.language),
          })}{' '}
          {current}
        </p>
      ) : null}
      <ReportContent report={report} withActions={!old} />
      <Deferred>
        {children}
        <TlpBanner tlp={report.tlp} recipients={recipients} position="bottom" />
      </Deferred>
    </article>
  );
}
