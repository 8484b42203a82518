import { describe, expect, it } from 'vitest';
import {
  EVENT_LABEL_KEYS,
  itemsOf,
  markReadIn,
  targetOf,
  unreadOnlyOf,
  withUnreadOnly,
  type InboxData,
  type Notification,
} from './notifications';
import inbox from '../../locales/en/inbox.json';

const note = (id: string, overrides: Partial<Notification> = {}): Notification => ({
  id,
  event: 'report.published',
  reportId: `r-${id}`,
  title: `Title ${id}`,
  urgent: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  readAt: null,
  ...overrides,
});

const data = (...pages: Notification[][]): InboxData => ({
  pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `c${i}` : null })),
  pageParams: pages.map((_, i) => (i === 0 ? undefined : `c${i - 1}`)),
});

describe('where a notification leads', () => {
  it('opens its report', () => {
    expect(targetOf({ event: 'report.amended', reportId: 'abc' })).toBe('/reports/abc');
    expect(targetOf({ event: 'enrolment.decided', reportId: 'offer' })).toBe('/reports/offer');
  });

  it('opens training for an enrolment without a report, the account for a membership', () => {
    expect(targetOf({ event: 'enrolment.requested' })).toBe('/training');
    expect(targetOf({ event: 'membership.changed' })).toBe('/account');
  });
});

describe('event labels', () => {
  it('has words in the catalogue for every event', () => {
    for (const key of Object.values(EVENT_LABEL_KEYS)) {
      const [group, name] = key.split('.') as ['event', keyof typeof inbox.event];
      expect(group).toBe('event');
      expect(inbox.event[name]).toMatch(/\w/);
    }
  });
});

describe('the unread filter in the URL', () => {
  it('reads ?unread=true only', () => {
    expect(unreadOnlyOf(new URLSearchParams('unread=true'))).toBe(true);
    expect(unreadOnlyOf(new URLSearchParams('unread=1'))).toBe(false);
    expect(unreadOnlyOf(new URLSearchParams(''))).toBe(false);
  });

  it('sets and clears it, keeping the other parameters', () => {
    const on = withUnreadOnly(new URLSearchParams('x=1'), true);
    expect(on.toString()).toBe('x=1&unread=true');
    expect(withUnreadOnly(on, false).toString()).toBe('x=1');
  });
});

describe('marking read in the cache', () => {
  const at = '2026-12-02T00:00:00.000Z';

  it('marks the named ones and keeps read times already there', () => {
    const before = data(
      [note('a'), note('b', { readAt: '2026-11-30T00:00:00.000Z' })],
      [note('c')],
    );
    const after = markReadIn(before, new Set(['a', 'b']), at, false);
    expect(itemsOf(after).map((n) => n.readAt)).toEqual([at, '2026-11-30T00:00:00.000Z', null]);
    expect(after?.pageParams).toEqual(before.pageParams);
  });

  it('drops them from an unread-only list', () => {
    const after = markReadIn(data([note('a'), note('b')], [note('c')]), 'all', at, true);
    expect(itemsOf(after)).toEqual([]);
    expect(after?.pages).toHaveLength(2);
  });

  it('leaves an empty cache alone', () => {
    expect(markReadIn(undefined, 'all', at, false)).toBeUndefined();
  });
});

describe('the rows of the loaded pages', () => {
  it('lists each notification once, in page order', () => {
    expect(itemsOf(data([note('a'), note('b')], [note('b'), note('c')])).map((n) => n.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
