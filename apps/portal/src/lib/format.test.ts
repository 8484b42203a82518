import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format';

describe('formatting', () => {
  it('writes English dates in the British order, in the Gregorian calendar', () => {
    expect(formatDate('2026-08-01', 'en')).toBe('1 Aug 2026');
    expect(formatDateTime('2026-12-01T08:05:00Z', 'en')).toMatch(/^1 Dec 2026, \d\d:05$/);
  });

  it('keeps Gregorian years for a language whose default calendar differs', () => {
    expect(formatDate('2026-08-01', 'fa')).toContain('۲۰۲۶');
  });

  it('leaves what it cannot read as it was', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDateTime(null, 'en')).toBe('');
  });

  it('groups digits for the language', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});
