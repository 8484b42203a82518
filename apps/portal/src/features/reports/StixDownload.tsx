import { useState } from 'react';
import { useAnnouncer } from '../../components/Announcer';
import { api, unwrap } from '../../lib/api/client';
import { isApiError } from '../../lib/api/problem';
import { useTranslation } from '../../lib/i18n/i18n';
import type { Report } from './codes';

/** The media type of a STIX 2.1 bundle (docs/stix.md, "Routes"). */
const STIX = 'application/stix+json;version=2.1';

/** Whether the server exports this report: published or withdrawn, and never RED. */
export function canExportStix(report: Pick<Report, 'status' | 'tlp'>): boolean {
  return (report.status === 'published' || report.status === 'withdrawn') && report.tlp !== 'RED';
}

/** The file name of a report's bundle. */
export const stixFileName = (id: string) => `rilon-report-${id}.stix.json`;

/** Saves a blob under a name, through a link to an object URL that lives only for the click. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference once started; the URL can go at the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Download STIX": the report as a STIX 2.1 bundle for a MISP or OpenCTI, fetched with the
 * access token in memory (a plain link would carry none) and saved as a file.
 */
export function StixDownload({ report }: { report: Report }) {
  const { t } = useTranslation('reports');
  const { announce, toast } = useAnnouncer();
  const [busy, setBusy] = useState(false);
  if (!canExportStix(report)) return null;

  const download = () => {
    if (busy) return;
    setBusy(true);
    unwrap(
      api.GET('/api/v1/reports/{id}/stix', {
        params: { path: { id: report.id } },
        headers: { accept: STIX },
        parseAs: 'blob',
      }),
    )
      .then((blob) => {
        save(new Blob([blob], { type: STIX }), stixFileName(report.id));
        announce(t('stix.done'));
      })
      .catch((error: unknown) =>
        toast(
          t(
            isApiError(error, 403) || isApiError(error, 404)
              ? 'stix.forbidden'
              : isApiError(error, 409)
                ? 'stix.unpublished'
                : 'stix.failed',
          ),
          'error',
        ),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="report-export" aria-labelledby="export-heading">
      <h2 id="export-heading" className="visually-hidden">
        {t('stix.heading')}
      </h2>
      <button
        type="button"
        className="button button-secondary"
        aria-disabled={busy || undefined}
        aria-describedby="stix-hint"
        onClick={download}
      >
        {busy ? t('stix.working') : t('stix.download')}
      </button>
      <span id="stix-hint" className="muted">
        {t('stix.hint')}
      </span>
    </section>
  );
}
