import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';

/**
 * The one page for an unknown address and for a report the caller may not read: it says
 * the same in both cases, so it never tells that such a report exists.
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/inbox">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
