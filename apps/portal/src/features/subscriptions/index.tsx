import { ComingSoonPage } from '../coming';
import { useTranslation } from '../../lib/i18n/i18n';

/** Placeholder until this screen lands (issue 8). */
export function SubscriptionsPage() {
  const { t } = useTranslation();
  return <ComingSoonPage title={t('nav.account')} />;
}
