import { ValidationError } from 'class-validator';
import { FieldError, ProblemException } from './problem.exception';

/** Flattens nested class-validator errors into `{field: "body.route.origin", message}`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({
        field,
        message: message.replace(/^property \S+ should not exist$/, 'is not allowed'),
      });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** A problem lists at most this many fields (a body full of unknown fields is one 400). */
export const MAX_FIELD_ERRORS = 50;

export function validationProblem(errors: ValidationError[]): ProblemException {
  const fields = flattenValidationErrors(errors).slice(0, MAX_FIELD_ERRORS);
  return ProblemException.badRequest(
    `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`,
    fields,
  );
}
