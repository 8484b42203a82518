import { z } from 'zod';
import type { TFunction } from '../../lib/i18n/i18n';
import { isCountryCode, isLanguageCode, isNationalityCode } from './codes';
import { isDateOnly, isMonth, isNotInFuture } from './dates';

/** Messages come from the catalogue; the schemas are built with the `t` of the page. */
export type Translate = TFunction;

export const requiredText = (t: Translate, max: number) =>
  z.string().trim().min(1, t('validation.required')).max(max, t('validation.tooLong', { max }));

/** Free text kept as typed (leading spaces and line breaks may matter), up to `max`. */
export const optionalText = (t: Translate, max: number) =>
  z.string().max(max, t('validation.tooLong', { max }));

/** A choice from a closed list; `''` is the form's "nothing chosen yet". */
export const choice = <T extends readonly [string, ...string[]]>(t: Translate, values: T) =>
  z
    .string()
    .refine((v) => (values as readonly string[]).includes(v), t('validation.choose'))
    .transform((v) => v as T[number]);

type CodeKind = 'country' | 'nationality' | 'language';
const TESTS: Record<CodeKind, (code: string) => boolean> = {
  country: isCountryCode,
  nationality: isNationalityCode,
  language: isLanguageCode,
};

/** One code: upper case for countries and nationalities, lower case for languages. */
export const code = (t: Translate, kind: CodeKind) =>
  z
    .string()
    .trim()
    .transform((v) => (kind === 'language' ? v.toLowerCase() : v.toUpperCase()))
    .refine((v) => v.length > 0, t('validation.required'))
    .refine((v) => v.length === 0 || TESTS[kind](v), t(`validation.${kind}Code`));

/** Splits "LKA, XXA" or "LKA XXA" into codes. */
export function splitCodes(text: string, kind: CodeKind): string[] {
  return text
    .split(/[\s,;]+/)
    .map((v) => (kind === 'language' ? v.toLowerCase() : v.toUpperCase()))
    .filter(Boolean);
}

/** A list of codes typed in one input, checked one by one (and for repeats). */
export const codeList = (
  t: Translate,
  kind: CodeKind,
  bounds: { min?: number; max: number; unique?: boolean },
) =>
  z
    .string()
    .transform((v) => splitCodes(v, kind))
    .superRefine((codes, ctx) => {
      const bad = codes.find((c) => !TESTS[kind](c));
      if (bad) ctx.addIssue({ code: 'custom', message: t(`validation.${kind}In`, { code: bad }) });
      else if (codes.length < (bounds.min ?? 0))
        ctx.addIssue({ code: 'custom', message: t('validation.required') });
      else if (codes.length > bounds.max)
        ctx.addIssue({ code: 'custom', message: t('validation.tooMany', { max: bounds.max }) });
      else if (bounds.unique !== false && new Set(codes).size !== codes.length)
        ctx.addIssue({ code: 'custom', message: t('validation.repeated') });
    });

/** A whole number typed as text (GOV.UK: numeric inputs are text with inputmode). */
export const wholeNumber = (t: Translate, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v), t('validation.wholeNumber'))
    .transform(Number)
    .refine((n) => n >= min && n <= max, t('validation.range', { min, max }));

export const date = (t: Translate, options: { past?: boolean } = {}) =>
  z
    .string()
    .refine((v) => v !== '', t('validation.dateRequired'))
    .refine((v) => v === '' || isDateOnly(v), t('validation.date'))
    .refine((v) => !options.past || !isDateOnly(v) || isNotInFuture(v), t('validation.future'));

export const month = (t: Translate) =>
  z
    .string()
    .refine((v) => v !== '', t('validation.monthRequired'))
    .refine((v) => v === '' || isMonth(v), t('validation.month'))
    .refine((v) => !isMonth(v) || isNotInFuture(v), t('validation.future'));

/** An optional date: blank means none (the key is left out). */
export const optionalPastDate = (t: Translate) =>
  z.union([z.literal('').transform(() => undefined), date(t, { past: true })]);

/**
 * A repeatable list of short texts, `{value}` per row as useFieldArray wants them. Blank
 * rows are dropped; an empty list leaves the key out, as the server's optional lists allow.
 */
export const textList = (t: Translate, maxItems: number, maxLength: number) =>
  z
    .array(z.object({ value: optionalText(t, maxLength) }))
    .transform((rows) => rows.map((r) => r.value.trim()).filter(Boolean))
    .refine((list) => list.length <= maxItems, t('validation.tooMany', { max: maxItems }))
    .transform((list) => (list.length ? list : undefined));
