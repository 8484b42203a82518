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

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/**
 * A `+` or a digit, then 8 or more digits with spaces, dots, dashes or brackets between
 * them. Not glued to a preceding letter or digit (so "QF12" or a longer code never starts
 * one); a few separators at most between two digits, so distant numbers do not join.
 */
const TELEPHONE = /(?<![A-Za-z0-9])(?:\+|\d)(?:[ .\-()[\]]{0,3}\d){8,}/;

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

function words(text: string): string[] {
  return text
    .replace(/#/g, ' # ')
    .split(/\s+/)
    .map((w) => w.replace(/^[("'[]+|[)"'\].,:;!?]+$/g, ''))
    .filter((w) => w.length > 0);
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
    const after = text
      .slice((match.index ?? 0) + match[0].length)
      .replace(/^[\s:.,)-]+/, '')
      .split(/\s+/)
      .filter((t) => t.length > 0);
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
