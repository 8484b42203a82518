import { useCallback, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

function linkAt(list: HTMLUListElement | null, index: number): HTMLElement | null {
  const links = list?.querySelectorAll<HTMLElement>('li[data-id] a') ?? [];
  return links[Math.min(index, links.length - 1)] ?? null;
}

/**
 * Keeps the keyboard in the list while its rows change under it. Rows are keyed by id, so a
 * refetch keeps focus on the same row; but a row can leave (read in "Unread only", or no
 * longer shared): then focus goes to the row now in its place, not back to the page's top.
 * After "Load more", focus goes to the first new row.
 */
export function useListFocus(list: RefObject<HTMLUListElement | null>, ids: string[]) {
  const current = useRef(ids);
  const last = useRef<{ id: string; index: number } | null>(null);
  const pendingIndex = useRef<number | null>(null);

  const onFocus = useCallback((event: FocusEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-id]');
    const id = row?.dataset.id;
    if (id) last.current = { id, index: current.current.indexOf(id) };
  }, []);

  useLayoutEffect(() => {
    current.current = ids;
    const pending = pendingIndex.current;
    pendingIndex.current = null;
    if (pending !== null && ids.length > pending) {
      linkAt(list.current, pending)?.focus();
      return;
    }
    const was = last.current;
    if (!was || ids.includes(was.id)) return;
    last.current = null;
    // Only when the focus was lost with the row; elsewhere, the user has moved on.
    const active = document.activeElement;
    if (active && active !== document.body) return;
    (linkAt(list.current, was.index) ?? document.querySelector<HTMLElement>('main h1'))?.focus();
  }, [ids, list]);

  const focusIndexNext = useCallback(
    (index: number) => {
      // The new rows may be on screen already, or come with the next render.
      if (current.current.length > index) linkAt(list.current, index)?.focus();
      else pendingIndex.current = index;
    },
    [list],
  );

  return { onFocus, focusIndexNext };
}
