import { useState } from 'react';
import { useAnnouncer } from '../../components/Announcer';
import { isApiError } from '../../lib/api/problem';
import { formatDateTime } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { useDeleteWebhook, useWebhook } from './queries';
import { SecretOnce } from './SecretOnce';
import { WebhookForm } from './WebhookForm';

/**
 * The team's webhook: where it points and since when (never the secret: the server does
 * not answer it), set or replace it with the secret shown once, delete it after a
 * confirmation.
 */
export function WebhookSection({ teamId, teamName }: { teamId: string; teamName: string }) {
  const { t, i18n } = useTranslation('team');
  const { announce } = useAnnouncer();
  const webhook = useWebhook(teamId);
  const remove = useDeleteWebhook(teamId);
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const confirmDelete = () => {
    setRefusal(null);
    remove.mutate(undefined, {
      onSuccess: () => {
        setSecret(null);
        announce(t('webhook.deleted', { team: teamName }));
      },
      onError: (error) =>
        // Someone else deleted it meanwhile: the outcome is the one wanted.
        isApiError(error, 404)
          ? announce(t('webhook.deleted', { team: teamName }))
          : setRefusal(t(isApiError(error, 403) ? 'webhook.forbidden' : 'common:error.generic')),
      onSettled: () => setConfirming(false),
    });
  };

  return (
    <section aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">{t('webhook.heading')}</h2>
      <p>{t('webhook.intro')}</p>
      {secret ? <SecretOnce secret={secret} onDone={() => setSecret(null)} /> : null}
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      {webhook.isPending ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : webhook.isError ? (
        <div className="alert" role="alert">
          <p>{t(isApiError(webhook.error, 403) ? 'webhook.forbidden' : 'webhook.loadFailed')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void webhook.refetch()}
          >
            {t('common:retry')}
          </button>
        </div>
      ) : webhook.data && !editing ? (
        <>
          <dl className="summary-list">
            <dt>{t('webhook.url')}</dt>
            <dd>
              <bdi className="webhook-url">{webhook.data.url}</bdi>
            </dd>
            <dt>{t('webhook.since')}</dt>
            <dd>{formatDateTime(webhook.data.createdAt, i18n.language)}</dd>
            <dt>{t('webhook.secret')}</dt>
            <dd>{t('webhook.secretHidden')}</dd>
          </dl>
          <div className="row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSecret(null);
                setEditing(true);
              }}
            >
              {t('webhook.replace')}
            </button>
            <button
              type="button"
              className="button button-warning"
              onClick={() => setConfirming(true)}
            >
              {t('webhook.delete')}
            </button>
          </div>
        </>
      ) : (
        <>
          {!webhook.data ? <p className="muted">{t('webhook.none')}</p> : null}
          <WebhookForm
            teamId={teamId}
            initialUrl={webhook.data?.url ?? ''}
            onSaved={(sent) => {
              setEditing(false);
              setSecret(sent);
            }}
            onCancel={webhook.data ? () => setEditing(false) : undefined}
          />
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('webhook.confirmTitle', { team: teamName })}
        confirmLabel={t('webhook.confirmDelete')}
        cancelLabel={t('common:cancel')}
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('webhook.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
