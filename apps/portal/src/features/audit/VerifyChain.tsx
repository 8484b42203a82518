import { useTranslation } from '../../lib/i18n/i18n';
import { useVerifyChain } from './queries';
import { verifyMessage } from './verify';

/**
 * "Verify chain": the server recomputes the hash chain over the sealed log. The result is
 * said in words, with its figures, in a status region that exists before the click (a
 * region created together with its text is not announced).
 */
export function VerifyChain() {
  const { t } = useTranslation('audit');
  const verify = useVerifyChain();
  const answer = verify.data;

  let message = '';
  if (verify.isPending) message = t('verify.working');
  else if (verify.isError) message = t('verify.failed');
  else if (answer) {
    const { key, values } = verifyMessage(answer);
    message = t(key, values);
  }

  return (
    <section className="audit-verify" aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">{t('verify.heading')}</h2>
      <p>{t('verify.explain')}</p>
      <button
        type="button"
        className="button"
        aria-disabled={verify.isPending || undefined}
        onClick={() => {
          if (!verify.isPending) verify.mutate();
        }}
      >
        {t('verify.button')}
      </button>
      <p
        role="status"
        className="audit-verify-result"
        data-result={answer ? (answer.ok ? 'ok' : 'broken') : undefined}
      >
        {message}
      </p>
      {answer?.ok && answer.headHash && (answer.verifiedThrough ?? 0) > 0 ? (
        <p className="audit-head-hash">
          {t('verify.headHash')}{' '}
          <bdi>
            <code>{answer.headHash}</code>
          </bdi>
        </p>
      ) : null}
    </section>
  );
}
