import { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation';

function error(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('flattenValidationErrors', () => {
  it('names nested fields with dots and array indexes', () => {
    const errors = [
      error('title', { maxLength: 'title must be shorter than or equal to 200 characters' }),
      error('body', undefined, [
        error('route', undefined, [
          error('0', undefined, [error('country', { isIn: 'country must be a known code' })]),
        ]),
      ]),
      error('extra', { whitelistValidation: 'property extra should not exist' }),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'title', message: 'title must be shorter than or equal to 200 characters' },
      { field: 'body.route.0.country', message: 'country must be a known code' },
      { field: 'extra', message: 'is not allowed' },
    ]);
  });
});
