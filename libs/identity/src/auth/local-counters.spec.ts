import { LocalCounters } from './local-counters';

const WINDOW = 15 * 60 * 1000;

describe('LocalCounters', () => {
  it('counts per key within the window and starts again after it', () => {
    const counters = new LocalCounters(10);
    expect(counters.hit('a', WINDOW, 0).count).toBe(1);
    expect(counters.hit('a', WINDOW, 1000).count).toBe(2);
    expect(counters.hit('a', WINDOW, WINDOW + 1).count).toBe(1);
  });

  it('evicts the least recently counted keys beyond its bound, never all at once', () => {
    const counters = new LocalCounters(3);
    counters.hit('a', WINDOW, 0);
    counters.hit('b', WINDOW, 1);
    counters.hit('c', WINDOW, 2);
    counters.hit('a', WINDOW, 3);
    counters.hit('d', WINDOW, 4);
    expect(counters.size).toBe(3);
    expect(counters.get('b')).toBeUndefined();
    expect(counters.get('a')?.count).toBe(2);
    expect(counters.get('c')?.count).toBe(1);
    expect(counters.get('d')?.count).toBe(1);
  });
});
