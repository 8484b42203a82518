import { useDeferredValue, type ReactNode } from 'react';

/**
 * Renders its children in a second pass that React may interrupt: what must show first
 * (a report's handling, title and summary) is on screen at once, and the rest (details,
 * body tables, history) follows without one long task that a slow phone would feel as a
 * frozen page. Nothing waits for data: on a fast device both passes land in one frame.
 */
export function Deferred({ children }: { children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? <>{children}</> : null;
}
