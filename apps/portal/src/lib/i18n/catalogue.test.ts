import { describe, expect, it } from 'vitest';
import { lookup, Translator } from './catalogue';

const catalogues = {
  en: {
    common: { nav: { inbox: 'Inbox' }, unread: '{count, plural, one {# unread} other {# unread}}' },
    reports: {
      title: 'Reports',
      count: '{count, plural, =0 {No reports} one {# report} other {# reports}}',
    },
  },
  id: { common: { nav: { inbox: 'Kotak masuk' } } },
};

describe('message catalogues', () => {
  it('looks up dotted keys', () => {
    expect(lookup(catalogues.en.common, 'nav.inbox')).toBe('Inbox');
    expect(lookup(catalogues.en.common, 'nav')).toBeUndefined();
    expect(lookup(catalogues.en.common, 'nav.inbox.deeper')).toBeUndefined();
  });

  it('formats ICU plurals in the default namespace and a named one', () => {
    const t = new Translator(catalogues, 'en');
    expect(t.translate('reports', 'count', { count: 0 })).toBe('No reports');
    expect(t.translate('reports', 'count', { count: 1 })).toBe('1 report');
    expect(t.translate('reports', 'count', { count: 1200 })).toBe('1,200 reports');
    expect(t.translate('reports', 'common:unread', { count: 3 })).toBe('3 unread');
  });

  it('falls back to English, then to the key', () => {
    const t = new Translator(catalogues, 'id');
    expect(t.translate('common', 'nav.inbox')).toBe('Kotak masuk');
    expect(t.translate('reports', 'title')).toBe('Reports');
    expect(t.translate('reports', 'missing.key')).toBe('missing.key');
  });
});
