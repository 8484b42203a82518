import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';

/** Placeholder until the invitation screen lands (issue 8). */
export function AcceptInvitationPage() {
  const { t } = useTranslation('auth');
  return <PageHeading title={t('title')}>{t('title')}</PageHeading>;
}
