/** One counter of the in-process fallback: failures so far, and when its window ends. */
export interface LocalCounter {
  count: number;
  until: number;
}

/** Bound of the fallback's memory (two counters per attempt: account and address). */
export const LOCAL_MAX = 100_000;

/**
 * Fixed-window counters in this process, bounded: a Map keeps insertion order, and every
 * hit moves its key to the end, so beyond `max` the least recently counted keys go first.
 * Recent counters (the lockouts under way) stay however many new keys arrive; the old
 * fallback emptied itself at the bound and so handed a flood of new keys a reset.
 */
export class LocalCounters {
  private readonly counters = new Map<string, LocalCounter>();

  constructor(private readonly max = LOCAL_MAX) {}

  get size(): number {
    return this.counters.size;
  }

  get(key: string): LocalCounter | undefined {
    return this.counters.get(key);
  }

  /** Counts one more for `key`; an ended window starts again at 1. */
  hit(key: string, windowMs: number, now = Date.now()): LocalCounter {
    let counter = this.counters.get(key);
    this.counters.delete(key);
    if (!counter || counter.until <= now) counter = { count: 0, until: now + windowMs };
    counter.count += 1;
    this.counters.set(key, counter);
    for (const oldest of this.counters.keys()) {
      if (this.counters.size <= this.max) break;
      this.counters.delete(oldest);
    }
    return counter;
  }
}
