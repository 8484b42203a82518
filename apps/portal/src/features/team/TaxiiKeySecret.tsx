import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../lib/i18n/i18n';
import { taxiiDiscoveryUrl, type IssuedTaxiiKey } from './taxii-keys';

type Copied = 'idle' | 'id' | 'secret' | 'failed';

/**
 * A key just issued: the server's address, the key id (user name) and the secret
 * (password), the secret shown this once. It lives in the section's state alone (never in
 * storage or the query cache), so it is gone on reload, on leaving the page, or when the
 * lead says they have copied it.
 */
export function TaxiiKeySecret({ issued, onDone }: { issued: IssuedTaxiiKey; onDone: () => void }) {
  const { t } = useTranslation('team');
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<Copied>('idle');

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const copy = (what: 'id' | 'secret') => {
    navigator.clipboard
      .writeText(what === 'id' ? issued.id : issued.secret)
      .then(() => setCopied(what))
      .catch(() => setCopied('failed'));
  };

  return (
    <section className="secret-once" aria-labelledby="taxii-secret-heading" tabIndex={-1} ref={ref}>
      <h3 id="taxii-secret-heading">{t('taxii.secret.heading', { label: issued.label })}</h3>
      <p className="secret-warning">
        <strong>{t('taxii.secret.warning')}</strong>
      </p>
      <p>{t('taxii.secret.use')}</p>
      <dl className="summary-list taxii-credentials">
        <dt>{t('taxii.secret.server')}</dt>
        <dd>
          <code className="secret-value" dir="ltr">
            {taxiiDiscoveryUrl(window.location.origin)}
          </code>
        </dd>
        <dt>{t('taxii.secret.keyId')}</dt>
        <dd>
          <code className="secret-value" id="taxii-key-id-value" dir="ltr">
            {issued.id}
          </code>
        </dd>
        <dt>{t('taxii.secret.secret')}</dt>
        <dd>
          <code className="secret-value" id="taxii-secret-value" dir="ltr">
            {issued.secret}
          </code>
        </dd>
      </dl>
      <div className="row">
        <button type="button" className="button" onClick={() => copy('secret')}>
          {t('taxii.secret.copySecret')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => copy('id')}>
          {t('taxii.secret.copyId')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('taxii.secret.done')}
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'secret'
          ? t('taxii.secret.copiedSecret')
          : copied === 'id'
            ? t('taxii.secret.copiedId')
            : copied === 'failed'
              ? t('taxii.secret.copyFailed')
              : ''}
      </p>
    </section>
  );
}
