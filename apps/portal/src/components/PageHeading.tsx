import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../lib/i18n/i18n';

/**
 * The page's one h1. It names the document and, after a client-side navigation, takes
 * focus so a screen reader announces the new page (the main landmark is not re-read).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
    if (document.body.dataset.navigated === 'true') ref.current?.focus({ preventScroll: false });
  }, [title, t]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
