import { useQuery } from '@tanstack/react-query';
import { PageHeading } from '../../components/PageHeading';
import { api, unwrap } from '../../lib/api/client';
import { useTranslation } from '../../lib/i18n/i18n';
import { HowItWorks } from './HowItWorks';
import { SUBSCRIPTIONS_KEY } from './keys';
import { RulesForm } from './RulesForm';
import './subscriptions.css';

/** /subscriptions: which reports notify the user, and by which channel. */
export function SubscriptionsPage() {
  const { t } = useTranslation('subscriptions');
  const rules = useQuery({
    queryKey: SUBSCRIPTIONS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/me/subscriptions')),
  });
  return (
    <div className="subscriptions-page">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lede">{t('lede')}</p>
      <HowItWorks />
      <h2 id="rules-heading">{t('rules.heading')}</h2>
      {rules.data ? (
        <RulesForm initial={rules.data.rules} />
      ) : rules.isError ? (
        <div className="alert" role="alert">
          <p>{t('rules.loadFailed')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void rules.refetch()}
          >
            {t('common:retry')}
          </button>
        </div>
      ) : (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      )}
    </div>
  );
}
