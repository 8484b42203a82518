import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemInit {
  status: number;
  /** Short slug; the type URI becomes `/problems/<slug>`. */
  type: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  /** Extra members of the problem document (e.g. `existingReportId`). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The one exception the services throw; the global filter renders it as RFC 9457. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title, problem.status);
  }

  static badRequest(detail: string, errors?: FieldError[]): ProblemException {
    return new ProblemException({
      status: 400,
      type: 'validation',
      title: 'Invalid request',
      detail,
      errors,
    });
  }

  static unauthorized(detail = 'Authentication is required'): ProblemException {
    return new ProblemException({
      status: 401,
      type: 'unauthorized',
      title: 'Unauthorized',
      detail,
    });
  }

  static forbidden(detail = 'You may not do this'): ProblemException {
    return new ProblemException({ status: 403, type: 'forbidden', title: 'Forbidden', detail });
  }

  static notFound(what = 'Resource'): ProblemException {
    return new ProblemException({
      status: 404,
      type: 'not-found',
      title: 'Not found',
      detail: `${what} not found`,
    });
  }

  static conflict(detail: string, extensions?: Record<string, unknown>): ProblemException {
    return new ProblemException({
      status: 409,
      type: 'conflict',
      title: 'Conflict',
      detail,
      extensions,
    });
  }

  static gone(detail: string): ProblemException {
    return new ProblemException({ status: 410, type: 'gone', title: 'Gone', detail });
  }

  static unprocessable(detail: string, errors?: FieldError[]): ProblemException {
    return new ProblemException({
      status: 422,
      type: 'unprocessable',
      title: 'Unprocessable content',
      detail,
      errors,
    });
  }

  static tooManyRequests(retryAfterSeconds: number): ProblemException {
    return new ProblemException({
      status: 429,
      type: 'too-many-requests',
      title: 'Too many requests',
      detail: `Try again in ${retryAfterSeconds} seconds`,
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }

  static unavailable(
    detail = 'A required service is unavailable; try again shortly',
  ): ProblemException {
    return new ProblemException({
      status: 503,
      type: 'unavailable',
      title: 'Service unavailable',
      detail,
    });
  }
}
