import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/problem';
import { fieldLabel, flattenErrors, messageAt, serverName } from './form-errors';
import { refusalOf } from './refusal';

const t = (key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key;

describe('refusalOf', () => {
  it('keeps the field errors of a 400 and says nothing more', () => {
    const error = new ApiError({
      status: 400,
      detail: 'The request has 1 invalid field',
      errors: [{ field: 'body.issuingCountry', message: 'issuingCountry must be a country' }],
    });
    expect(refusalOf(error, t, t)).toEqual({
      status: 400,
      errors: [{ field: 'body.issuingCountry', message: 'issuingCountry must be a country' }],
      message: null,
      existingReportId: null,
    });
  });

  it('gives the personal-data refusal its explanation beside the fields', () => {
    const error = new ApiError({
      status: 422,
      detail: 'The report seems to hold personal data',
      errors: [{ field: 'body.description', message: 'looks like an e-mail address' }],
    });
    expect(refusalOf(error, t, t).message).toBe('The report seems to hold personal data');
  });

  it('names the published figure a 409 points to', () => {
    const error = new ApiError({
      status: 409,
      detail: 'already published',
      existingReportId: 'r1',
    });
    expect(refusalOf(error, t, t)).toMatchObject({
      message: 'refusal.conflict {"detail":"already published"}',
      existingReportId: 'r1',
    });
  });

  it('words a lost connection and an unavailable server', () => {
    expect(refusalOf(new TypeError('Failed to fetch'), t, t).message).toBe('error.offline');
    expect(refusalOf(new ApiError({ status: 503 }), t, t).message).toBe('error.unavailable');
  });
});

describe('form errors', () => {
  it('names list rows and array errors as the server does', () => {
    expect(serverName('body.indicators.2.value')).toBe('body.indicators.2');
    expect(serverName('body.observations.root')).toBe('body.observations');
  });

  it('finds a message on the field, its row value or its array root', () => {
    const errors = {
      title: { type: 'server', message: 'too long' },
      body: {
        indicators: [undefined, { value: { type: 'too_big', message: 'row too long' } }],
        observations: { root: { type: 'custom', message: 'duplicates' } },
      },
    };
    expect(messageAt(errors as never, 'title')).toBe('too long');
    expect(messageAt(errors as never, 'body.indicators.1')).toBe('row too long');
    expect(messageAt(errors as never, 'body.observations')).toBe('duplicates');
    expect(messageAt(errors as never, 'body.indicators.0')).toBeUndefined();
    expect(flattenErrors(errors as never)).toEqual([
      ['title', 'too long'],
      ['body.indicators.1', 'row too long'],
      ['body.observations', 'duplicates'],
    ]);
  });

  it('labels a row of a repeatable group with its number', () => {
    const labels = (key: string, options?: Record<string, unknown>) =>
      key === 'labels.body_detectionPoints_n_code'
        ? `Detection point ${String(options?.n)}, code`
        : key;
    expect(fieldLabel('body.detectionPoints.1.code', labels)).toBe('Detection point 2, code');
    expect(fieldLabel('body.unknown', labels)).toBeNull();
  });
});
