import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';
import { useMe } from '../../lib/session/hooks';
import { ChangePassword } from './ChangePassword';
import { LanguagePicker } from './LanguagePicker';
import { Profile } from './Profile';
import './account.css';

/** /account: profile, language, where subscriptions are set, and a change of password. */
export function AccountPage() {
  const { t } = useTranslation('account');
  const me = useMe();
  return (
    <div className="account-page">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      {me.data ? (
        <Profile me={me.data} />
      ) : me.isError ? (
        <div className="alert" role="alert">
          <p>{t('profile.loadFailed')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void me.refetch()}
          >
            {t('common:retry')}
          </button>
        </div>
      ) : (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      )}
      <LanguagePicker />
      <section aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">{t('notifications.heading')}</h2>
        <p>{t('notifications.explain')}</p>
        <p>
          <Link to="/subscriptions">{t('notifications.link')}</Link>
        </p>
      </section>
      <ChangePassword />
    </div>
  );
}
