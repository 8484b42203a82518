import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

export const PAGE_SIZE = 100;
const ROW_ID = /^#field-body-observations-(\d+)-/;

/**
 * The table shows 100 rows at a time: 2000 rows of selects take Chromium seconds to lay
 * out on a ministry laptop. A link to a row on another page (the error summary, the
 * duplicates list) turns to that page, then focuses the row's control.
 */
export function useRowPages(total: number) {
  const [page, setPage] = useState(0);
  const { hash } = useLocation();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(page, pages - 1);

  useEffect(() => {
    const row = ROW_ID.exec(hash);
    if (!row) return;
    setPage(Math.floor(Number(row[1]) / PAGE_SIZE));
    const frame = requestAnimationFrame(() => document.getElementById(hash.slice(1))?.focus());
    return () => cancelAnimationFrame(frame);
  }, [hash]);

  return {
    page: current,
    pages,
    start: current * PAGE_SIZE,
    end: Math.min(total, (current + 1) * PAGE_SIZE),
    setPage,
    /** Turns to the page that will hold a row appended now. */
    showLast: () => setPage(Math.floor(total / PAGE_SIZE)),
  };
}
