import { type FieldError, ProblemException } from '@rilon/core';
import type { ReportType } from '../report-codes';
import { detectPersonalData, PERSONAL_DATA_MESSAGES } from './personal-data-detector';

/**
 * The free text of report bodies, by path: every type's text is shared with other teams, so
 * every type's text is checked (a training offer's eligibility as much as a trend's
 * indicators). A path a type does not have is simply absent from its body.
 */
const BODY_TEXT_FIELDS = [
  'description',
  'indicators',
  'countermeasures',
  'compromisedFeatures',
  'eligibility',
  'location.city',
];

/**
 * The hits in named free-text fields: one error per field and kind. Array fields are named
 * as a whole (`body.indicators`), the way docs/domain.md names them.
 */
export function personalDataInFields(fields: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const texts = Array.isArray(value) ? value : [value];
    const kinds = new Set(
      texts.flatMap((t) => (typeof t === 'string' ? detectPersonalData(t) : [])),
    );
    for (const kind of kinds) errors.push({ field, message: PERSONAL_DATA_MESSAGES[kind] });
  }
  return errors;
}

function at(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The fields of a report that "Non-nominal by design" checks, with their hits. */
export function personalDataErrors(report: {
  type: ReportType;
  title: string;
  summary: string;
  body: unknown;
}): FieldError[] {
  const fields: Record<string, unknown> = { title: report.title, summary: report.summary };
  for (const path of BODY_TEXT_FIELDS) fields[`body.${path}`] = at(report.body, path);
  return personalDataInFields(fields);
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

/**
 * The same 422 for the other texts the network shares: a withdrawal reason, a return comment,
 * an enrolment note. Fields are named as the request body names them (`reason`, `note`).
 */
export function assertNoPersonalData(fields: Record<string, string | null | undefined>): void {
  const errors = personalDataInFields(fields);
  if (errors.length)
    throw ProblemException.unprocessable(
      'The text seems to hold personal data; the network shares patterns, not people',
      errors,
    );
}
