import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../lib/i18n/i18n';

/**
 * The page's one h1. It names the document and, after a client-side navigation, takes
 * focus so a screen reader announces the new page (the main landmark is not re-read).
 * Only a move to another path moves focus: a title that changes in place (another
 * language, a report that reloads) or a filter in the query string leaves it where the
 * user is.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  // A new path is a new page; a new query string (a filter) is the same page.
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    if (document.body.dataset.navigated === 'true') ref.current?.focus({ preventScroll: false });
  }, [pathname]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
