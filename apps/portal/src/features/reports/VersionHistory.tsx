import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { withCodes } from './body-parts';
import type { ReportVersion } from './codes';

interface Props {
  versions: ReportVersion[] | undefined;
  failed: boolean;
  /** The version being read (from the address), or null for the current one. */
  reading: number | null;
}

/** Published versions, oldest first; each opens as it was (?version=N keeps it in the URL). */
export function VersionHistory({ versions, failed, reading }: Props) {
  const { t, i18n } = useTranslation('reports');
  const latest = versions?.at(-1)?.version ?? null;
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('versions.title')}</h2>
      {failed ? (
        <p className="alert" role="alert">
          {t('versions.loadFailed')}
        </p>
      ) : !versions ? (
        <p className="loading">{t('common:loading')}</p>
      ) : versions.length === 0 ? (
        <p className="muted">{t('versions.none')}</p>
      ) : (
        <ol className="version-list">
          {versions.map((version) => {
            const current = version.version === latest;
            const open = reading === null ? current : reading === version.version;
            return (
              <li key={version.version}>
                <Link
                  to={{ search: current ? '' : `?version=${version.version}` }}
                  aria-current={open ? 'true' : undefined}
                >
                  {withCodes((marks) => t('versions.open', marks), {
                    version: formatNumber(version.version, i18n.language),
                  })}
                </Link>
                {': '}
                <span dir="auto">{version.title}</span>{' '}
                <span className="muted">
                  ({t('versions.when', { date: formatDateTime(version.createdAt, i18n.language) })}
                  {current ? `; ${t('versions.current')}` : ''})
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
