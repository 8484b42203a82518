import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n/i18n';

/**
 * The webhook's secret, right after saving: the only time it is shown. It lives in the
 * parent's state alone (never in storage or the query cache), so it is gone on reload,
 * on leaving the page, or when the lead says they have copied it.
 */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation('team');
  const ref = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const copyIt = () => {
    navigator.clipboard
      .writeText(secret)
      .then(() => setCopy('copied'))
      .catch(() => setCopy('failed'));
  };

  return (
    <section className="secret-once" aria-labelledby="secret-heading" tabIndex={-1} ref={ref}>
      <h3 id="secret-heading">{t('secret.heading')}</h3>
      <p className="secret-warning">
        <strong>{t('secret.warning')}</strong>
      </p>
      <p>{t('secret.use')}</p>
      <p>
        <code className="secret-value" id="webhook-secret-value">
          {secret}
        </code>
      </p>
      <div className="row">
        <button type="button" className="button" onClick={copyIt}>
          {t('secret.copy')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('secret.done')}
        </button>
      </div>
      <p role="status" className="muted">
        {copy === 'copied' ? t('secret.copied') : copy === 'failed' ? t('secret.copyFailed') : ''}
      </p>
    </section>
  );
}
