import { type FieldError, ProblemException } from '@rilon/core';
import { NON_NOMINAL_TYPES, type ReportType } from '../report-codes';
import { detectPersonalData, PERSONAL_DATA_MESSAGES } from './personal-data-detector';

const BODY_TEXT_FIELDS = ['description', 'indicators', 'countermeasures', 'compromisedFeatures'];

/**
 * The fields of a report that "Non-nominal by design" checks, with their hits. Array fields
 * are named as a whole (`body.indicators`), the way domain.md names them.
 */
export function personalDataErrors(report: {
  type: ReportType;
  title: string;
  summary: string;
  body: unknown;
}): FieldError[] {
  if (!NON_NOMINAL_TYPES.includes(report.type)) return [];
  const errors: FieldError[] = [];
  const check = (field: string, value: unknown): void => {
    const texts = Array.isArray(value) ? value : [value];
    const kinds = new Set(
      texts.flatMap((t) => (typeof t === 'string' ? detectPersonalData(t) : [])),
    );
    for (const kind of kinds) errors.push({ field, message: PERSONAL_DATA_MESSAGES[kind] });
  };
  check('title', report.title);
  check('summary', report.summary);
  const body = (report.body ?? {}) as Record<string, unknown>;
  for (const name of BODY_TEXT_FIELDS) check(`body.${name}`, body[name]);
  return errors;
}

/** 422 naming each field and kind of personal data, when the report holds any. */
export function assertNonNominal(report: {
  type: ReportType;
  title: string;
  summary: string;
  body: unknown;
}): void {
  const errors = personalDataErrors(report);
  if (errors.length)
    throw ProblemException.unprocessable(
      'The report seems to hold personal data; the network shares patterns, not people',
      errors,
    );
}
