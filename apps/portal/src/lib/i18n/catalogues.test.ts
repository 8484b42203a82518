import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { FALLBACK, isPlainMessage, type Catalogues, type Messages } from './catalogue';
import { catalogueProblems, describeProblems } from './catalogue-check';
import { LANGUAGES } from './languages';

/** Every catalogue in locales/, as the portal loads them (locales/<language>/<namespace>.json). */
const files = import.meta.glob<Messages>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
});
const catalogues: Catalogues = {};
for (const [path, messages] of Object.entries(files)) {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (match?.[1] && match[2]) (catalogues[match[1]] ??= {})[match[2]] = messages;
}
const offered = LANGUAGES.map((language) => language.code);

describe('the message catalogues', () => {
  it('English parses, every message of it', () => {
    const english = { ...catalogues, xx: catalogues[FALLBACK] ?? {} };
    // English against itself as another language: only parse errors can show.
    expect(describeProblems(catalogueProblems(english, ['xx']))).toEqual([]);
  });

  it.each(offered.filter((code) => code !== FALLBACK))(
    '%s has every namespace and key of English, and each message parses with the same arguments',
    (language) => {
      expect(catalogues[language], `no locales/${language}/ catalogues`).toBeDefined();
      expect(describeProblems(catalogueProblems(catalogues, [language]))).toEqual([]);
    },
  );
});

describe('the catalogue check', () => {
  const en = {
    common: {
      nav: { inbox: 'Inbox', reports: 'Reports' },
      unread: '{count, plural, one {# unread} other {# unread}}',
      done: '{action, select, submit {Submitted} other {Done}}: {title}',
    },
    inbox: { title: 'Inbox' },
  };
  const check = (ur: Record<string, Messages>) =>
    describeProblems(catalogueProblems({ en, ur }, ['en', 'ur']));
  const good = {
    common: {
      nav: { inbox: 'ان باکس', reports: 'رپورٹیں' },
      unread: '{count, plural, one {# غیر پڑھی} other {# غیر پڑھی}}',
      done: '{action, select, submit {جمع شدہ} other {مکمل}}: {title}',
    },
    inbox: { title: 'ان باکس' },
  };

  it('passes a complete catalogue', () => {
    expect(check(good)).toEqual([]);
  });

  it('fails on a missing namespace, a missing key and an extra one', () => {
    expect(check({ common: good.common })).toEqual(['ur/inbox.json: the namespace is missing']);
    expect(
      check({ ...good, common: { ...good.common, nav: { inbox: 'ان باکس', extra: 'x' } } }),
    ).toEqual([
      'ur/common.json nav.reports: missing',
      'ur/common.json nav.extra: a key English does not have',
    ]);
  });

  it('fails on a message that does not parse, other arguments, or other cases', () => {
    const problems = check({
      ...good,
      common: {
        nav: { inbox: 'ان باکس {', reports: 'رپورٹیں {name}' },
        unread: '{count, plural, one {# غیر پڑھی} few {# غیر پڑھی}}',
        done: '{action, select, publish {شائع} other {مکمل}}: {titel}',
      },
    });
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^ur\/common\.json nav\.inbox: does not parse/);
    expect(problems[1]).toBe(
      'ur/common.json nav.reports: arguments differ: English has none, this has name:argument',
    );
    // A plural without `other` does not even parse.
    expect(problems[2]).toMatch(/^ur\/common\.json unread: does not parse/);
    expect(problems[3]).toBe(
      'ur/common.json done: arguments differ: English has action:select, title:argument, this has action:select, titel:argument',
    );
    expect(problems[4]).toBe(
      'ur/common.json done: select action cases differ: English has other, submit, this has other, publish',
    );
  });
});

describe('plain messages', () => {
  /** Every message of every catalogue, as [language, text]. */
  function* messagesOf(): Generator<[string, string]> {
    const walk = function* (language: string, node: Messages): Generator<[string, string]> {
      for (const value of Object.values(node))
        if (typeof value === 'string') yield [language, value];
        else yield* walk(language, value);
    };
    for (const [language, namespaces] of Object.entries(catalogues))
      for (const messages of Object.values(namespaces)) yield* walk(language, messages);
  }

  it('a message taken as plain text reads exactly as ICU formats it', () => {
    let plain = 0;
    for (const [language, source] of messagesOf()) {
      if (!isPlainMessage(source)) continue;
      plain += 1;
      expect(String(new IntlMessageFormat(source, language).format()), source).toBe(source);
    }
    expect(plain).toBeGreaterThan(500);
  });

  it('quoting, arguments and tags go to the ICU parser', () => {
    expect(isPlainMessage("Officer's report")).toBe(true);
    expect(isPlainMessage("It''s")).toBe(false);
    expect(isPlainMessage('{count} reports')).toBe(false);
    expect(isPlainMessage("'{'literal")).toBe(false);
    expect(isPlainMessage('<b>bold</b>')).toBe(false);
  });
});
