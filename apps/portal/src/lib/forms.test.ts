import { describe, expect, it } from 'vitest';
import { ApiError } from './api/problem';
import { fieldErrorsOf, fieldId, placeErrors } from './forms';

describe('placing server errors on fields', () => {
  const fields = ['title', 'body.description', 'body.indicators', 'body.detectionPoints.0.code'];

  it('puts an error on the field it names', () => {
    const placed = placeErrors(
      [{ field: 'body.description', message: 'looks like an e-mail address' }],
      fields,
    );
    expect(placed.byField).toEqual({ 'body.description': 'looks like an e-mail address' });
    expect(placed.summary).toEqual([
      {
        fieldId: 'field-body-description',
        field: 'body.description',
        message: 'looks like an e-mail address',
      },
    ]);
  });

  it('walks up to the nearest field the form has', () => {
    const placed = placeErrors([{ field: 'body.indicators.2', message: 'too long' }], fields);
    expect(placed.byField['body.indicators']).toBe('too long');
  });

  it('keeps an error no field takes in the summary, naming its path', () => {
    const placed = placeErrors(
      [{ field: 'distribution.userIds', message: 'must not be empty' }],
      fields,
    );
    expect(placed.byField).toEqual({});
    expect(placed.summary[0]).toEqual({
      fieldId: null,
      field: null,
      message: 'distribution.userIds: must not be empty',
    });
  });

  it('derives input ids from dotted paths', () => {
    expect(fieldId('body.detectionPoints.0.code')).toBe('field-body-detectionPoints-0-code');
  });

  it('takes field errors from 400 and 422 only', () => {
    const errors = [{ field: 'title', message: 'too long' }];
    expect(fieldErrorsOf(new ApiError({ status: 400, errors }))).toEqual(errors);
    expect(fieldErrorsOf(new ApiError({ status: 422, errors }))).toEqual(errors);
    expect(fieldErrorsOf(new ApiError({ status: 409, errors }))).toEqual([]);
    expect(fieldErrorsOf(new Error('x'))).toEqual([]);
  });
});
