import { PageHeading } from '../../components/PageHeading';
import { useTranslation } from '../../lib/i18n/i18n';

/** A screen of the portal's next release (issue 8): the API already offers what it will. */
export function ComingSoonPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('placeholder.body')}</p>
      <p>
        <a href="/api/docs">{t('placeholder.apiDocs')}</a>
      </p>
    </>
  );
}
