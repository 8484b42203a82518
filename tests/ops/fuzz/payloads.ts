import fc from 'fast-check';

/**
 * What a hostile client puts into strings: markup and script for a page that might render
 * an answer, a forged log line for a log that might be read as text, SQL for a query that
 * might be built from input, and the characters parsers and databases trip over.
 */

/** A log line a client would like to see in the server's log; the key marks it. */
export const FORGED_LOG_KEY = 'forgedByFuzz';
const FORGED_LINE = `{"level":30,"msg":"user admin signed in","${FORGED_LOG_KEY}":true}`;

export const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '{{constructor.constructor("alert(1)")()}}',
  '</script><script>alert(document.cookie)</script>',
];

export const LOG_INJECTION = [
  `x\n${FORGED_LINE}`,
  `x\r\n${FORGED_LINE}`,
  `x\u2028${FORGED_LINE}`,
  `x\u0085${FORGED_LINE}`,
  '\u001b[31mred\u001b[0m\u001b[2J',
];

export const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)--',
  "' UNION SELECT password_hash FROM users--",
  '%',
  '_',
  '\\',
  '$$; DELETE FROM reports; $$',
];

/** Control characters: PostgreSQL stores no NUL, a log or a mail header splits on the rest. */
export const CONTROL = [
  '\u0000',
  'a\u0000b',
  'end\u0000',
  '\t\u000b\f',
  '\u007f\u0080\u009f',
  'line\rbreak',
];

/** Unicode that is not what it looks like: lone surrogates, bidi overrides, look-alikes. */
export const UNICODE = [
  '\ud800',
  'a\udfffb',
  '\ud83d\ude00',
  '\u202e\u2066override',
  '\u200b\u200d\ufeff',
  'ﬁ ＡＢＣ ①②',
  '٣٤٥ ১২৩',
];

/** Text a parser or a validator treats specially: numbers, dates, paths, prototype names. */
export const AWKWARD = [
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '0x1f',
  '9007199254740993',
  '2026-02-30',
  '0000-00-00',
  '../../etc/passwd',
  '%00',
  '%ED%A0%80',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '[object Object]',
];

const CATEGORIES = [XSS, LOG_INJECTION, SQL, CONTROL, UNICODE, AWKWARD];

export const HOSTILE_STRINGS = CATEGORIES.flat();

/**
 * A hostile string, each kind as likely as the others (a flat pick would favour the long
 * lists and leave a NUL in one case of sixty).
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  ...CATEGORIES.map((list) => fc.constantFrom(...list)),
);

/** Keys that pollute an object's prototype when copied naively. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];

/** True when `text` contains a line of the forged log entry as its own JSON line. */
export function holdsForgedLine(parsedLine: Record<string, unknown>): boolean {
  return Object.prototype.hasOwnProperty.call(parsedLine, FORGED_LOG_KEY);
}
