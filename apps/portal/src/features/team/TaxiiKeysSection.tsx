import { useState } from 'react';
import { useAnnouncer } from '../../components/Announcer';
import { isApiError } from '../../lib/api/problem';
import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { TaxiiKeyForm } from './TaxiiKeyForm';
import { TaxiiKeySecret } from './TaxiiKeySecret';
import { useRevokeTaxiiKey, useTaxiiKeys, type IssuedTaxiiKey, type TaxiiKey } from './taxii-keys';

/**
 * The team's TAXII keys (docs/stix.md, "TAXII"): the keys its MISP or OpenCTI reads the
 * TAXII server with. Issue one under a label (the secret shown once), see when each was
 * last used, revoke one after a confirmation.
 */
export function TaxiiKeysSection({ teamId, teamName }: { teamId: string; teamName: string }) {
  const { t, i18n } = useTranslation('team');
  const { announce } = useAnnouncer();
  const keys = useTaxiiKeys(teamId);
  const revoke = useRevokeTaxiiKey(teamId);
  const [issued, setIssued] = useState<IssuedTaxiiKey | null>(null);
  const [revoking, setRevoking] = useState<TaxiiKey | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const list = keys.data ?? [];

  const confirmRevoke = () => {
    if (!revoking) return;
    const key = revoking;
    setRefusal(null);
    revoke.mutate(key.id, {
      onSuccess: () => {
        if (issued?.id === key.id) setIssued(null);
        announce(t('taxii.revoked', { label: key.label }));
      },
      onError: (error) =>
        // Revoked meanwhile (by another lead or an administrator): the outcome is the one wanted.
        isApiError(error, 404)
          ? announce(t('taxii.revoked', { label: key.label }))
          : setRefusal(t(isApiError(error, 403) ? 'taxii.forbidden' : 'common:error.generic')),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <section aria-labelledby="taxii-heading">
      <h2 id="taxii-heading">{t('taxii.heading')}</h2>
      <p>{t('taxii.intro', { team: teamName })}</p>
      {issued ? <TaxiiKeySecret issued={issued} onDone={() => setIssued(null)} /> : null}
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      <TaxiiKeyForm
        teamId={teamId}
        onIssued={(key) => {
          setRefusal(null);
          setIssued(key);
        }}
      />
      <h3 id="taxii-list-heading">{t('taxii.listHeading')}</h3>
      {keys.isPending ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : keys.isError ? (
        <div className="alert" role="alert">
          <p>{t(isApiError(keys.error, 403) ? 'taxii.forbidden' : 'taxii.loadFailed')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void keys.refetch()}
          >
            {t('common:retry')}
          </button>
        </div>
      ) : list.length === 0 ? (
        <p>{t('taxii.none')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="taxii-list-heading">
            <thead>
              <tr>
                <th scope="col">{t('taxii.label')}</th>
                <th scope="col">{t('taxii.keyId')}</th>
                <th scope="col">{t('taxii.created')}</th>
                <th scope="col">{t('taxii.lastUsed')}</th>
                <th scope="col">{t('taxii.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((key) => (
                <tr key={key.id}>
                  <th scope="row" dir="auto">
                    {key.label}
                  </th>
                  <td>
                    <code className="taxii-key-id">{key.id}</code>
                  </td>
                  <td>
                    {formatDateTime(key.createdAt, i18n.language)}{' '}
                    <span className="muted" dir="auto">
                      {key.createdBy
                        ? t('taxii.by', { name: key.createdBy.displayName })
                        : t('taxii.byFormer')}
                    </span>
                  </td>
                  <td>
                    {key.lastUsedAt
                      ? formatDateTime(key.lastUsedAt, i18n.language)
                      : t('taxii.neverUsed')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-warning"
                      onClick={() => setRevoking(key)}
                    >
                      {t('taxii.revoke')}
                      <span className="visually-hidden">
                        {' '}
                        {t('taxii.whose', { label: key.label })}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('taxii.confirmTitle', { label: revoking?.label ?? '' })}
        confirmLabel={t('taxii.confirmRevoke')}
        cancelLabel={t('common:cancel')}
        busy={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p>{t('taxii.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
