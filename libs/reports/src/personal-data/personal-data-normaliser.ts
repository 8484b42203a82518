/**
 * What a text looks like once the ordinary copy-paste disguises are taken off, so that the
 * patterns of the detector see one form only. Nothing here reports positions (the check names
 * fields, not offsets), so the normalised text may be shorter or longer than the original.
 */

/** Invisible format characters: zero-width spaces and joiners, soft hyphens, bidi controls. */
const FORMAT = /\p{Cf}/gu;
/** No-break, narrow, ideographic and other space separators, and tabs. */
const SPACE = /[\p{Zs}\t]/gu;
/** Hyphens and dashes of every script (en and em dash, non-breaking hyphen...) and the minus sign. */
const DASH = /[\p{Pd}\u2212]/gu;
/** Decimal digits of any script (Arabic-Indic, Devanagari, Thai...); ASCII ones are left alone. */
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
/** Ideographic full stops, which NFKC leaves as they are (the half-width one becomes U+3002). */
const FULL_STOP = /\u3002/g;

const IS_DIGIT = /^\p{Nd}$/u;
const digitValues = new Map<number, string>();

/**
 * Unicode assigns decimal digits only in contiguous runs of ten, zero first (a stability
 * guarantee), so a digit's value is its distance from the start of its run, modulo ten for
 * blocks that put several runs back to back (the mathematical digits).
 */
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  let value = digitValues.get(cp);
  if (value === undefined) {
    let start = cp;
    while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = String((cp - start) % 10);
    digitValues.set(cp, value);
  }
  return value;
}

/**
 * NFKC (full-width letters, digits and signs become ASCII, ligatures split), format characters
 * removed, every decimal digit ASCII, every space separator a plain space, every dash `-`.
 * Line breaks stay: they end a telephone number or an MRZ line as they always did.
 */
export function normaliseText(text: string): string {
  return text
    .replace(FORMAT, '')
    .normalize('NFKC')
    .replace(FORMAT, '')
    .replace(NON_ASCII_DIGIT, asciiDigit)
    .replace(SPACE, ' ')
    .replace(DASH, '-')
    .replace(FULL_STOP, '.');
}

/**
 * Cyrillic and Greek letters that are drawn like Latin ones, for the patterns made of Latin
 * letters (keywords, document numbers, MRZ lines): "раssport" typed with a Cyrillic "р" or an
 * MRZ line with a Greek "Ο" reads as Latin. Prose in those scripts is not turned into anything
 * that matches: the patterns also need Latin keywords next to digits, or long runs without spaces.
 */
const LOOKALIKE_FROM =
  'АВЕКМНОРСТУХЅІЈҮҺԚԜӀ' + // Cyrillic capitals
  'аеорсухѕіјԁԛԝһӏү' + // Cyrillic small letters
  'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ' + // Greek capitals
  'αορικνυχ'; // Greek small letters
const LOOKALIKE_TO = 'ABEKMHOPCTYXSIJYHQWI' + 'aeopcyxsijdqwhly' + 'ABEZHIKMNOPTYX' + 'aopikvux';
const LATIN_LOOKALIKES = new Map([...LOOKALIKE_FROM].map((ch, i) => [ch, LOOKALIKE_TO[i]]));
const LOOKALIKE = new RegExp(`[${LOOKALIKE_FROM}]`, 'gu');

/** The normalised text with Latin look-alikes read as Latin. */
export function latinSkeleton(normalised: string): string {
  return normalised.replace(LOOKALIKE, (ch) => LATIN_LOOKALIKES.get(ch) ?? ch);
}

/**
 * Signs that stand in for the MRZ filler `<` once a line has passed through a word processor
 * or another font: guillemets (autocorrect turns `<<` into `«`), angle brackets, arrowheads.
 * Full-width and small less-than signs are already `<` after NFKC.
 */
const DOUBLE_FILLER = /[«≪⟪《]/g;
const SINGLE_FILLER = /[‹˂ᐸ〈⟨❮❬≺]/g;

/** An upper-case reading for MRZ lines: case folded, look-alike fillers as `<`. */
export function mrzReading(skeleton: string): string {
  return skeleton.toUpperCase().replace(DOUBLE_FILLER, '<<').replace(SINGLE_FILLER, '<');
}
