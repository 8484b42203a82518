import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../lib/i18n/i18n';

/**
 * The page's one h1. It names the document and, after a client-side navigation, takes
 * focus so a screen reader announces the new page (the main landmark is not re-read).
 * Only a navigation moves focus: a title that changes in place (another language, a
 * report that reloads) leaves it where the user is.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    if (document.body.dataset.navigated === 'true') ref.current?.focus({ preventScroll: false });
  }, [key]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
