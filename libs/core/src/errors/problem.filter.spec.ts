import { BadRequestException, Logger } from '@nestjs/common';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { isDatabaseUnavailable, toProblem } from './problem.filter';
import { ProblemException } from './problem.exception';

const logger = { error: jest.fn() } as unknown as Logger;

describe('toProblem', () => {
  it('renders a ProblemException with its extensions and headers', () => {
    const { body, headers } = toProblem(
      new ProblemException({
        status: 409,
        type: 'conflict',
        title: 'Conflict',
        detail: 'taken',
        extensions: { existingReportId: 'r1' },
      }),
      '/api/v1/x',
      logger,
    );
    expect(body).toEqual({
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'taken',
      instance: '/api/v1/x',
      existingReportId: 'r1',
    });
    expect(headers).toEqual({});
    expect(toProblem(ProblemException.tooManyRequests(30), '/', logger).headers).toEqual({
      'retry-after': '30',
    });
  });

  it('keeps the 4xx status of errors Fastify raises before Nest', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toProblem(tooLarge, '/', logger).body).toMatchObject({
      status: 413,
      type: '/problems/payload-too-large',
    });
    const badJson = Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 });
    expect(toProblem(badJson, '/', logger).body).toMatchObject({
      status: 400,
      type: '/problems/validation',
    });
    const media = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 });
    expect(toProblem(media, '/', logger).body).toMatchObject({ status: 415 });
  });

  it('maps Nest HTTP exceptions', () => {
    expect(toProblem(new BadRequestException('nope'), '/', logger).body).toMatchObject({
      status: 400,
      detail: 'nope',
    });
  });

  it('turns an unknown error into a generic 500 with an error id, hiding the message', () => {
    const { body } = toProblem(new Error('relation "secret_table" does not exist'), '/', logger);
    expect(body.status).toBe(500);
    expect(body.detail).toMatch(/error id [0-9a-f-]{36}/);
    expect(JSON.stringify(body)).not.toContain('secret_table');
  });

  it('turns a database outage into 503 with Retry-After', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const { body, headers } = toProblem(refused, '/', logger);
    expect(body).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(headers['retry-after']).toBe('5');
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('duplicate key value'))).toBe(false);
  });

  it.each([
    ['QueryRunnerAlreadyReleasedError', () => new QueryRunnerAlreadyReleasedError()],
    [
      'QueryRunnerProviderAlreadyReleasedError',
      () => new QueryRunnerProviderAlreadyReleasedError(),
    ],
  ])(
    'answers %s (the connection died mid-transaction) with 503, no error logged',
    (_name, make) => {
      const error = jest.fn();
      const { body, headers } = toProblem(make(), '/', { error } as unknown as Logger);
      expect(body).toMatchObject({ status: 503, type: '/problems/unavailable' });
      expect(headers['retry-after']).toBe('5');
      expect(error).not.toHaveBeenCalled();
    },
  );

  it('logs a failed query by error id, driver code and message, never its parameters', () => {
    const error = jest.fn();
    const driverError = Object.assign(
      new Error('duplicate key value violates unique constraint "ux_users_email"'),
      {
        code: '23505',
        detail: 'Key (lower(email))=(officer.secret@rilon.example.org) already exists.',
        constraint: 'ux_users_email',
      },
    );
    const failed = new QueryFailedError(
      'INSERT INTO users (email, password_hash) VALUES ($1, $2)',
      ['officer.secret@rilon.example.org', '$argon2id$v=19$secret-hash'],
      driverError,
    );
    const { body } = toProblem(failed, '/api/v1/users', { error } as unknown as Logger);
    expect(body.status).toBe(500);
    expect(error).toHaveBeenCalledTimes(1);
    const [logged] = error.mock.calls[0] as [Record<string, unknown>];
    const errorId = /error id ([0-9a-f-]{36})/.exec(body.detail)?.[1];
    expect(logged.errorId).toBe(errorId);
    expect(logged.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      message: 'duplicate key value violates unique constraint "ux_users_email"',
    });
    const text = JSON.stringify(logged);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('INSERT INTO');
    expect(logged.err).not.toHaveProperty('parameters');
    expect(logged.err).not.toHaveProperty('driverError');
  });

  it.each([
    ['40P01', 'deadlock detected'],
    ['55P03', 'canceling statement due to lock timeout'],
    ['55P03', 'could not obtain lock on row in relation "reports"'],
    ['40001', 'could not serialize access due to concurrent update'],
  ])('answers lock contention (%s) with 503 and Retry-After, no error logged', (code, message) => {
    const error = jest.fn();
    const failed = new QueryFailedError(
      'UPDATE reports SET status = $2 WHERE id = $1',
      ['r1', 'published'],
      Object.assign(new Error(message), { code }),
    );
    const { body, headers } = toProblem(failed, '/api/v1/reports/r1/publish', {
      error,
    } as unknown as Logger);
    expect(body).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(body.detail).toMatch(/busy/);
    expect(body.detail).not.toContain(message);
    expect(headers['retry-after']).toBe('1');
    expect(error).not.toHaveBeenCalled();
  });
});
