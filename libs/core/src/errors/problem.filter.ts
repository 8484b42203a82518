import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isLockContention } from '../database/pg-errors';
import { safeError } from '../logging/safe-error';
import { ProblemException } from './problem.exception';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  503: 'Service unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

/** Errors that mean PostgreSQL (or the pool) cannot answer: a 503, never a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as
    { code?: string; message?: string; driverError?: { code?: string } } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  if (
    code &&
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'ENOTFOUND',
      'EPIPE',
      '57P01',
      '57P03',
      '53300',
      '57014',
      '08006',
      '08001',
      '08003',
      '08004',
    ].includes(code)
  ) {
    return true;
  }
  // TypeORM releases a query runner whose connection PostgreSQL ended (a restart, a
  // terminated backend), so a transaction that was between two statements fails on the
  // next one with these: the database went away, as with the errors above.
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  if (error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const message = e?.message ?? '';
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Query read timeout|canceling statement due to statement timeout|the database system is (starting|shutting) up/i.test(
    message,
  );
}

/** Builds the problem document for any error; shared by the Nest filter and Fastify's own handler. */
export function toProblem(
  exception: unknown,
  instance: string,
  logger: Logger,
): { body: ProblemBody; headers: Record<string, string> } {
  if (exception instanceof ProblemException) {
    const p = exception.problem;
    const body: ProblemBody = {
      type: `/problems/${p.type}`,
      title: p.title,
      status: p.status,
      detail: p.detail ?? p.title,
      instance,
      ...(p.errors ? { errors: p.errors } : {}),
      ...(p.extensions ?? {}),
    };
    return { body, headers: p.headers ?? {} };
  }
  let status = 500;
  let detail = 'An unexpected error occurred';
  let retryAfter = '5';
  if (exception instanceof HttpException) {
    status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string' ? response : (response as { message?: unknown }).message;
    detail = Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message;
  } else if (isLockContention(exception)) {
    status = 503;
    retryAfter = '1';
    detail = 'The data is busy with other changes; try again shortly';
  } else if (isDatabaseUnavailable(exception)) {
    status = 503;
    detail = 'The database is unavailable; try again shortly';
  } else {
    // Fastify raises its own errors (bad JSON, body too large, media type) with a statusCode.
    const e = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      detail =
        status === 413
          ? 'The request body is larger than 256 KiB'
          : (e.message ?? TITLES[status] ?? 'Bad request');
    }
  }
  if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(detail))
    detail = 'No such route';
  if (status >= 500 && status !== 503) {
    const errorId = randomUUID();
    // The error id, type, driver code and message: never a failed query's parameters.
    logger.error({ err: safeError(exception), errorId }, 'unhandled error');
    detail = `An unexpected error occurred (error id ${errorId})`;
    status = 500;
  }
  const headers: Record<string, string> = {};
  if (status === 503) headers['retry-after'] = retryAfter;
  return {
    body: {
      type: `/problems/${SLUGS[status] ?? 'internal'}`,
      title: TITLES[status] ?? 'Internal error',
      status,
      detail,
      instance,
    },
    headers,
  };
}

/** The global RFC 9457 filter: every error of every route leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ url?: string; id?: string }>();
    const reply = http.getResponse<{
      status(code: number): unknown;
      header(name: string, value: string): unknown;
      send(payload: unknown): unknown;
      sent?: boolean;
      raw?: { headersSent?: boolean };
    }>();
    if (reply.sent || reply.raw?.headersSent) return;
    const { body, headers } = toProblem(
      exception,
      (request.url ?? '').split('?')[0] ?? '',
      this.logger,
    );
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    if (request.id) reply.header('x-request-id', request.id);
    reply.header('content-type', 'application/problem+json; charset=utf-8');
    reply.status(body.status);
    reply.send(JSON.stringify(body));
  }
}
