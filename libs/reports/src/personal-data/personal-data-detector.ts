/**
 * The personal-data check (docs/domain.md, "Personal data: shared text is non-nominal"). Pure: text in, kinds of hit
 * out. The text is normalised first (personal-data-normaliser.ts), so a no-break space, an en
 * dash, Thai digits, a full-width `@`, a lower-case MRZ line or a Cyrillic look-alike letter
 * hides nothing. The keyword lists are short on purpose: the check helps an author notice a
 * slip; it does not try to be a full PII scanner, and ordinary trend text (years, figures,
 * flight numbers, dates of events) must keep passing.
 */
import { latinSkeleton, mrzReading, normaliseText } from './personal-data-normaliser';

export type PersonalDataKind = 'email' | 'telephone' | 'mrz' | 'document_number' | 'date_of_birth';

export const PERSONAL_DATA_MESSAGES: Record<PersonalDataKind, string> = {
  email: 'looks like an e-mail address',
  telephone: 'looks like a telephone number',
  mrz: 'looks like a machine-readable-zone line',
  document_number: 'looks like a document number',
  date_of_birth: 'looks like a date of birth',
};

/**
 * One local-part character before the `@` is enough to decide: matching the whole local
 * part (`[...]+@`) rescans a long run of word characters from every start position, which
 * is quadratic (a 20,000-character description took a second). Labels and the TLD are
 * bounded the way DNS bounds them (63 characters, 127 labels) so one `@` costs linear time.
 * Letters of any script: an internationalised address is an address too.
 */
const EMAIL =
  /[\p{L}\p{M}\p{N}._%+-]@[\p{L}\p{M}\p{N}-]{1,63}(?:\.[\p{L}\p{M}\p{N}-]{1,63}){0,126}\.[\p{L}\p{M}]{2,63}/u;

/**
 * A run of digits with at most three separators (spaces, dots, dashes, brackets) between two,
 * from a `+`, an opening bracket or a digit that is not glued to a letter or digit (so "QF12"
 * never starts one). Whether a run is a telephone number is decided by looksLikeTelephone.
 */
const PHONE_RUN = /(?<![\p{L}\p{N}])(?:[+([][ .\-()[\]]{0,3})?\d(?:[ .\-()[\]]{0,3}\d)*/gu;
/** "12:00" after a date would join it into a run: clock times are taken out first. */
const CLOCK_TIME = /(?<![\p{N}])\d{1,2}:\d{2}(?::\d{2})?(?![\p{N}])/gu;
const PHONE_DIGITS = 9;
/** An area code in brackets: "(02) 1234 5678", "+44 (0)20 7946 0958"; "(2019)" is a year. */
const AREA_CODE = /[([](?!(?:19|20)\d\d[)\]])\d{1,5}[)\]]/;
const BRACKET = /[()[\]]/;
const EDGE_SEPARATORS = /^[ .-]+|[ .-]+$/g;
/** How many groups of three a figure may have after its first group (up to 10^18). */
const MAX_THOUSANDS_GROUPS = 5;

/**
 * A run of 9+ digits is a telephone number when it has a `+` or an area code in brackets, or
 * unless it reads as figures: years ("2019 2020 2021"), counts grouped in thousands
 * ("1 250 000", "4.500.000"), decimals ("12.5 13.2"), dates ("2024-01-01", "15.01.2024"), one
 * after another with spaces or a dash between them ("10 000 - 12 000"). A group with a
 * leading zero never starts a count and only groups of three continue one, so
 * "01 23 45 67 89" and "081 234 5678" stay hits. Any other bracket belongs to the prose
 * ("2024-03-31 (10 000 stickers)"), so the text on each side of it is read alone.
 */
function looksLikeTelephone(run: string): boolean {
  if (digitCount(run) < PHONE_DIGITS) return false;
  if (run.includes('+') || AREA_CODE.test(run)) return true;
  return run.split(BRACKET).some((piece) => {
    const trimmed = piece.replace(EDGE_SEPARATORS, '');
    if (digitCount(trimmed) < PHONE_DIGITS) return false;
    const parts = trimmed.split(/(\D+)/);
    const groups = parts.filter((_p, i) => i % 2 === 0);
    const seps = parts.filter((_p, i) => i % 2 === 1);
    return !readsAsFigures(groups, seps);
  });
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) n++;
  return n;
}

const YEAR = /^(?:19|20)\d\d$/;
const COUNT_HEAD = /^[1-9]\d{0,2}$/;
const DECIMAL_PART = /^(?:0|[1-9]\d{0,2})$/;
/** Between two figures: spaces with at most one dash among them. */
const BETWEEN_FIGURES = /^ *-? *$/;

/**
 * Whether the groups split into figures, left to right. covered[i] says the first i groups
 * do; each figure spans a bounded number of groups, so this is linear in the run.
 */
function readsAsFigures(groups: string[], seps: string[]): boolean {
  const covered = new Array<boolean>(groups.length + 1).fill(false);
  covered[0] = true;
  for (let i = 0; i < groups.length; i++) {
    if (!covered[i] || (i > 0 && !BETWEEN_FIGURES.test(seps[i - 1]))) continue;
    for (const end of figureEnds(groups, seps, i)) covered[end] = true;
  }
  return covered[groups.length];
}

/** Where a figure that starts at group i can end (exclusive group index). */
function figureEnds(groups: string[], seps: string[], i: number): number[] {
  const ends: number[] = [];
  if (YEAR.test(groups[i])) ends.push(i + 1);
  if (seps[i] === '.' && DECIMAL_PART.test(groups[i]) && /^\d{1,3}$/.test(groups[i + 1] ?? ''))
    ends.push(i + 2);
  if (COUNT_HEAD.test(groups[i]) && (seps[i] === ' ' || seps[i] === '.')) {
    for (let k = 1; k <= MAX_THOUSANDS_GROUPS && i + k < groups.length; k++) {
      if (seps[i + k - 1] !== seps[i] || groups[i + k].length !== 3) break;
      ends.push(i + k + 1);
    }
  }
  if (i + 2 < groups.length && isDate(groups.slice(i, i + 3), seps[i], seps[i + 1]))
    ends.push(i + 3);
  return ends;
}

function isDate([a, b, c]: string[], sep1: string, sep2: string): boolean {
  if (sep1 !== sep2 || (sep1 !== '-' && sep1 !== '.')) return false;
  const month = (m: string) => m.length <= 2 && +m >= 1 && +m <= 12;
  const day = (d: string) => d.length <= 2 && +d >= 1 && +d <= 31;
  return (YEAR.test(a) && month(b) && day(c)) || (day(a) && month(b) && YEAR.test(c));
}

function hasTelephone(normalised: string): boolean {
  const text = normalised.replace(CLOCK_TIME, 'h');
  for (const match of text.matchAll(PHONE_RUN)) if (looksLikeTelephone(match[0])) return true;
  return false;
}

/** ICAO 9303 MRZ: a run of 30+ of A-Z, 0-9 and `<` that contains `<<`. */
const MRZ_RUN = /[A-Z0-9<]{30,}/g;

function hasMrzLine(mrz: string): boolean {
  return [...mrz.matchAll(MRZ_RUN)].some((m) => m[0].includes('<<'));
}

/**
 * Words (letters, marks, digits, the degree sign of "n°", apostrophes) and the signs that may
 * join a keyword to its number, each a token of its own: "passport-no.:N1234567" is
 * passport, -, no, :, N1234567. Other punctuation only separates.
 */
const DOC_TOKENS = /[\p{L}\p{M}\p{N}°'’]+|[:#-]/gu;
const DOC_KEYWORDS = new Set(['passport', 'document', 'doc', 'visa', 'id']);
const DOC_NUMBER_WORDS = new Set(['no', 'nos', 'nr', 'num', 'number', 'numbers', 'n°']);
const DOC_TOKEN = /^(?=[\p{L}\p{N}]*\d)[\p{L}\p{N}]{6,9}$/u;
const LETTERS = /^\p{L}{1,3}$/u;
const DIGITS = /^\d+$/;
/** Marker tokens read after a keyword at most; "passport - - - - no" is not a phrase anyone writes. */
const MAX_MARKER_TOKENS = 4;
const DOC_WINDOW = 3;

function isDocKeyword(token: string): boolean {
  const t = token.toLowerCase();
  return DOC_KEYWORDS.has(t) || (t.endsWith('s') && DOC_KEYWORDS.has(t.slice(0, -1)));
}

/**
 * A document number: a token of 6-9 letters and digits with a digit, within three words after
 * a keyword and a marker. The marker is "no", "nr", "number", "n°" and the like, or a lone
 * `:` or `#`, with any of `:`, `#`, `-` around it ("Passport: N1234567", "visa#X1234567",
 * "passport-no – N1234567"). A lone dash is not a marker ("visa-free 1234567 arrivals").
 * A number split after its letters ("AB 123456") is read whole.
 */
function hasDocumentNumber(skeleton: string): boolean {
  const tokens = skeleton.match(DOC_TOKENS) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isDocKeyword(tokens[i])) continue;
    let j = i + 1;
    let marked = false;
    let numberWord = false;
    while (j < tokens.length && j - i <= MAX_MARKER_TOKENS) {
      const t = tokens[j].toLowerCase();
      if (t === ':' || t === '#') marked = true;
      else if (!numberWord && DOC_NUMBER_WORDS.has(t)) marked = numberWord = true;
      else if (t !== '-') break;
      j++;
    }
    if (!marked) continue;
    const window = tokens
      .slice(j, j + DOC_WINDOW * 2)
      .filter((t) => !/^[:#-]$/.test(t))
      .slice(0, DOC_WINDOW);
    for (let k = 0; k < window.length; k++) {
      const w = window[k].replace(/['’]+$/, '');
      if (w.length <= 9 && DOC_TOKEN.test(w)) return true;
      const next = window[k + 1];
      if (next && LETTERS.test(w) && DIGITS.test(next) && DOC_TOKEN.test(w + next)) return true;
    }
  }
  return false;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
/** Between the parts of a numeric date: a sign with optional spaces, or one space. */
const NUM_SEP = '(?: ?[-/.] ?| )';
const DATE_AT_START = new RegExp(
  '^(?:' +
    [
      `\\d{4}${NUM_SEP}\\d{1,2}${NUM_SEP}\\d{1,2}`, // 1990-01-15, 1990 / 01 / 15
      `\\d{1,2}${NUM_SEP}\\d{1,2}${NUM_SEP}\\d{2,4}`, // 15/01/1990, 15.01.90, 15 01 1990
      '(?:19|20)\\d\\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])', // 19900115
      '(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d\\d', // 15011990
      `\\d{1,2}${ORDINAL}[ ./-]*(?:of )?${MONTH}[ ,./-]*\\d{2,4}`, // 15 Jan 1990, 15-JAN-90, 15th of January 1990
      `${MONTH}[ ./-]*\\d{1,2}${ORDINAL},? ?[ ./-]?\\d{4}`, // January 15, 1990; Jan-15-1990
      `\\d{4}[ ./-]*${MONTH}[ ./-]*\\d{1,2}`, // 1990-Jan-15
    ].join('|') +
    ')(?![0-9])',
  'i',
);
/** "born", "DOB", "d.o.b.", "D. O. B.", "date of birth", "date-of-birth", "birth date", "birthday". */
const DOB_KEYWORD =
  /(?<![\p{L}\p{N}])(?:born|d\.? ?o\.? ?b\.?|date[ -]*of[ -]*birth|birth[ -]?date|birthday)(?![\p{L}\p{N}])/giu;
/** Signs between the keyword and the date: "DOB: ", "born on - ", "DOB (15/01/1990)". */
const DOB_LEAD = /[\s:.,;()[\]#=-]*/y;
/**
 * A word, cut at 32 characters: a date is shorter than that, and reading whole words would
 * read a 20,000-character word once per keyword before it (quadratic).
 */
const DOB_WORD = /\S{1,32}/g;
const DOB_WORD_LEAD = /^[^\p{L}\p{N}]+/u;

/**
 * The first `count` words after `from`, past leading separators. Reading only these (not
 * splitting the rest of the text once per keyword) keeps many keywords linear.
 */
function wordsAfter(text: string, from: number, count: number): string[] {
  DOB_LEAD.lastIndex = from;
  DOB_LEAD.exec(text);
  DOB_WORD.lastIndex = DOB_LEAD.lastIndex;
  const out: string[] = [];
  while (out.length < count) {
    const m = DOB_WORD.exec(text);
    if (!m) break;
    out.push(m[0]);
  }
  return out;
}

/** Words a date may take when its parts are spaced out: "15 / 01 / 1990" is five. */
const DATE_WORDS = 5;

/** A date of birth: a date within three words after a keyword. */
function hasDateOfBirth(skeleton: string): boolean {
  for (const match of skeleton.matchAll(DOB_KEYWORD)) {
    const after = wordsAfter(skeleton, (match.index ?? 0) + match[0].length, 2 + DATE_WORDS);
    for (let j = 0; j < Math.min(3, after.length); j++) {
      const candidate = after
        .slice(j, j + DATE_WORDS)
        .join(' ')
        .replace(DOB_WORD_LEAD, '');
      if (DATE_AT_START.test(candidate)) return true;
    }
  }
  return false;
}

/** The kinds of personal data found in one text, in a stable order; empty when clean. */
export function detectPersonalData(text: string): PersonalDataKind[] {
  const normalised = normaliseText(text);
  const skeleton = latinSkeleton(normalised);
  const found: PersonalDataKind[] = [];
  if (EMAIL.test(normalised)) found.push('email');
  if (hasTelephone(normalised)) found.push('telephone');
  if (hasMrzLine(mrzReading(skeleton))) found.push('mrz');
  if (hasDocumentNumber(skeleton)) found.push('document_number');
  if (hasDateOfBirth(skeleton)) found.push('date_of_birth');
  return found;
}
