/**
 * The personal-data check of "Non-nominal by design" (domain.md), exactly as listed there.
 * Pure: text in, kinds of hit out. The lists of keywords are short on purpose: the check
 * helps an author notice a slip; it does not try to be a full PII scanner.
 */
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
 */
const EMAIL = /[A-Za-z0-9._%+-]@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,126}\.[A-Za-z]{2,63}/;

/**
 * A `+` or a digit, then 8 or more digits with spaces, dots, dashes or brackets between
 * them. Not glued to a preceding letter or digit (so "QF12" or a longer code never starts
 * one); a few separators at most between two digits, so distant numbers do not join.
 * `{8}` decides exactly as "8 or more" would, without running to the end of a long number.
 */
const TELEPHONE = /(?<![A-Za-z0-9])(?:\+|\d)(?:[ .\-()[\]]{0,3}\d){8}/;

/** ICAO 9303 MRZ: a run of 30+ of A-Z, 0-9 and `<` that contains `<<`. */
const MRZ_RUN = /[A-Z0-9<]{30,}/g;

const DOC_KEYWORDS = new Set(['passport', 'document', 'doc', 'visa', 'id']);
const DOC_NUMBER_WORDS = new Set(['no', 'number', '#']);
const DOC_TOKEN = /^(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,9}$/;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_AT_START = new RegExp(
  '^(?:' +
    [
      '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}', // 1990-01-15
      '\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}', // 15/01/1990, 15.01.90
      `\\d{1,2}(?:st|nd|rd|th)?[ -]${MONTH}[ ,-]*\\d{2,4}`, // 15 Jan 1990, 15-JAN-90
      `\\d{1,2}${MONTH}\\d{2,4}`, // 15JAN1990
      `${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}`, // January 15, 1990
    ].join('|') +
    ')(?![0-9])',
  'i',
);
const DOB_KEYWORD = /\b(?:born|dob|d\.o\.b\.?|date of birth)\b/gi;
const DOB_LEAD = /[\s:.,)-]*/y;
const TOKEN = /\S+/g;
/** Quotes and brackets around a word; the trailing ones are stripped by trimTrailing. */
const WORD_LEAD = /^[("'[]+/;
const WORD_TRAIL_CHARS = new Set([...')"\'].,:;!?']);

function words(text: string): string[] {
  return text
    .replace(/#/g, ' # ')
    .split(/\s+/)
    .map((w) => trimTrailing(w.replace(WORD_LEAD, '')))
    .filter((w) => w.length > 0);
}

/**
 * `/[...]+$/` would rescan a long run of punctuation from every start position (quadratic);
 * walking back from the end is linear.
 */
function trimTrailing(word: string): string {
  let end = word.length;
  while (end > 0 && WORD_TRAIL_CHARS.has(word[end - 1])) end--;
  return word.slice(0, end);
}

/**
 * The first `count` words after `from`, past leading separators. Reading only these (not
 * splitting the rest of the text once per keyword) keeps many keywords linear.
 */
function wordsAfter(text: string, from: number, count: number): string[] {
  DOB_LEAD.lastIndex = from;
  DOB_LEAD.exec(text);
  TOKEN.lastIndex = DOB_LEAD.lastIndex;
  const out: string[] = [];
  while (out.length < count) {
    const m = TOKEN.exec(text);
    if (!m) break;
    out.push(m[0]);
  }
  return out;
}

function hasDocumentNumber(text: string): boolean {
  const w = words(text);
  for (let i = 0; i + 1 < w.length; i++) {
    if (!DOC_KEYWORDS.has(w[i].toLowerCase()) || !DOC_NUMBER_WORDS.has(w[i + 1].toLowerCase()))
      continue;
    if (w.slice(i + 2, i + 5).some((t) => DOC_TOKEN.test(t))) return true;
  }
  return false;
}

function hasDateOfBirth(text: string): boolean {
  for (const match of text.matchAll(DOB_KEYWORD)) {
    const after = wordsAfter(text, (match.index ?? 0) + match[0].length, 6);
    for (let j = 0; j < Math.min(3, after.length); j++) {
      if (DATE_AT_START.test(after.slice(j, j + 4).join(' '))) return true;
    }
  }
  return false;
}

function hasMrzLine(text: string): boolean {
  return [...text.matchAll(MRZ_RUN)].some((m) => m[0].includes('<<'));
}

/** The kinds of personal data found in one text, in a stable order; empty when clean. */
export function detectPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (EMAIL.test(text)) found.push('email');
  if (TELEPHONE.test(text)) found.push('telephone');
  if (hasMrzLine(text)) found.push('mrz');
  if (hasDocumentNumber(text)) found.push('document_number');
  if (hasDateOfBirth(text)) found.push('date_of_birth');
  return found;
}
