import { describe, expect, it } from 'vitest';
import { isDateOnly, isMonth, isNotInFuture, latestToday } from './dates';

describe('dates', () => {
  it('takes real calendar dates from 1900 on', () => {
    expect(isDateOnly('2026-02-28')).toBe(true);
    expect(isDateOnly('2024-02-29')).toBe(true);
    expect(isDateOnly('2023-02-29')).toBe(false);
    expect(isDateOnly('1899-12-31')).toBe(false);
    expect(isDateOnly('2026-1-01')).toBe(false);
  });

  it('takes months YYYY-MM', () => {
    expect(isMonth('2026-09')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('0000-01')).toBe(false);
  });

  it('judges the future where today is latest (UTC+14)', () => {
    const now = new Date('2026-09-30T12:00:00Z');
    expect(latestToday(now)).toBe('2026-10-01');
    expect(isNotInFuture('2026-10-01', now)).toBe(true);
    expect(isNotInFuture('2026-10-02', now)).toBe(false);
    expect(isNotInFuture('2026-10', now)).toBe(true);
    expect(isNotInFuture('2026-11', now)).toBe(false);
  });
});
