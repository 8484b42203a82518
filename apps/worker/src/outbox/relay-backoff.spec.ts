import { relayBackoffMs } from './relay-backoff';

describe('relayBackoffMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 6, 7, 8, 100].map((n) => relayBackoffMs(n))).toEqual([
      0, 500, 1000, 2000, 16000, 30000, 30000, 30000,
    ]);
  });
});
