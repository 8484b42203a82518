import type { FieldError } from './api/problem';
import { ApiError } from './api/problem';

/**
 * Server refusals land on the fields they name (docs/architecture.md, "The web portal"). The API names a
 * field by its dotted path (`body.detectionPoints.0.code`), which is also the form's field
 * name; its input's id is derived from it.
 */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export interface PlacedErrors {
  /** Errors keyed by the form field they belong to. */
  byField: Record<string, string>;
  /** The summary: every error, each linking to its field when it has one. */
  summary: Array<{ fieldId: string | null; message: string; field: string | null }>;
}

/**
 * Places each server error on the nearest field the form has: `body.indicators.2` lands
 * on `body.indicators` when the form has no input for the single item. An error no field
 * takes stays in the summary alone, with the field's path in words.
 */
export function placeErrors(errors: FieldError[], fields: readonly string[]): PlacedErrors {
  const known = new Set(fields);
  const byField: Record<string, string> = {};
  const summary: PlacedErrors['summary'] = [];
  for (const error of errors) {
    const target = nearestField(error.field, known);
    const message = target ? error.message : `${error.field}: ${error.message}`;
    if (target && !(target in byField)) byField[target] = error.message;
    summary.push({ fieldId: target ? fieldId(target) : null, message, field: target });
  }
  return { byField, summary };
}

function nearestField(path: string, known: Set<string>): string | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (known.has(candidate)) return candidate;
    parts.pop();
  }
  return null;
}

/** The errors of a failed request that belong on fields (400 validation, 422 content). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  if (error.status !== 400 && error.status !== 422) return [];
  return error.fieldErrors;
}
