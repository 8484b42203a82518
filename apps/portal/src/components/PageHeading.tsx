import { createContext, use, useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../lib/i18n/i18n';

/**
 * The page's one h1. It names the document and, after a client-side navigation, takes
 * focus so a screen reader announces the new page (the main landmark is not re-read).
 * Only a move to another path moves focus: a title that changes in place (another
 * language, a report that reloads) or a filter in the query string leaves it where the
 * user is.
 */
/**
 * True inside the signed-in frame (Shell). Its first page, whether the portal opened at it
 * or the user just signed in, keeps the browser's own focus (the skip link comes first);
 * only a move from one of its pages to another takes focus to the new heading.
 */
export const MovesFocus = createContext(false);

/** The path of the last signed-in heading shown: one for another path is a new page. */
let shownFor: string | null = null;

export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  // A new path is a new page; a new query string (a filter) is the same page.
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  const signedIn = use(MovesFocus);
  useEffect(() => {
    if (!signedIn) {
      shownFor = null; // signed out: the next signed-in page is a first page again
      return;
    }
    const moved = shownFor !== null && shownFor !== pathname;
    shownFor = pathname;
    if (moved) ref.current?.focus({ preventScroll: false });
  }, [pathname, signedIn]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
