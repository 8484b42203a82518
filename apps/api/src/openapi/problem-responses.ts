import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type {
  HeaderObject,
  HeadersObject,
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { MAX_FIELD_ERRORS } from '@rilon/core';
import { RATE_LIMIT_HEADERS } from '@rilon/identity';
import { BODY_LIMIT } from '../http/request-limits';
import { MAX_JSON_DEPTH } from '../http/well-formed-input';
import { operationsById } from './enforced-limits';
import type { RouteHandler } from './route-handlers';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const PROBLEM: SchemaObject = {
  type: 'object',
  description:
    'RFC 9457 problem details. Some problems add members of their own (named in the ' +
    "operation's description), such as `existingReportId`.",
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: {
      type: 'string',
      description: 'The kind of problem, `/problems/<slug>`',
      example: '/problems/validation',
    },
    title: { type: 'string', example: 'Invalid request' },
    status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', example: 'The request has 1 invalid field' },
    instance: { type: 'string', description: 'The path of the request', example: '/api/v1/teams' },
    errors: {
      type: 'array',
      description: 'The fields at fault (400 and 422), at most the first 50',
      maxItems: MAX_FIELD_ERRORS,
      items: { $ref: '#/components/schemas/ProblemFieldError' },
    },
  },
};

const FIELD_ERROR: SchemaObject = {
  type: 'object',
  required: ['field', 'message'],
  properties: {
    field: { type: 'string', description: 'The path of the field, `a.b[0].c`', example: 'name' },
    message: { type: 'string', example: 'name must be shorter than or equal to 120 characters' },
  },
};

const SECONDS: SchemaObject = { type: 'integer', format: 'int32', minimum: 0, maximum: 86400 };

const RETRY_AFTER_HEADER: HeaderObject = {
  description: 'Seconds to wait before trying again',
  schema: SECONDS,
};
const RETRY_AFTER: HeadersObject = { 'Retry-After': RETRY_AFTER_HEADER };

/**
 * The headers UserRateLimitGuard sends on every answer it lets through or refuses (429):
 * RATE_LIMIT_PER_MINUTE requests per signed-in user and fixed minute, all routes together.
 * Left out when the limit is off (0) or Redis cannot count.
 */
const RATE_LIMIT: HeadersObject = {
  [RATE_LIMIT_HEADERS.limit]: {
    description:
      'Requests allowed per signed-in user within the current minute, all routes together ' +
      '(RATE_LIMIT_PER_MINUTE). Sent once the caller is identified, unless the limit is off or ' +
      'Redis cannot count.',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 1_000_000 },
  },
  [RATE_LIMIT_HEADERS.remaining]: {
    description: 'Requests left within the current minute',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1_000_000 },
  },
  [RATE_LIMIT_HEADERS.reset]: {
    description: 'Seconds until the count starts again',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 60 },
  },
};

interface Common {
  status: string;
  name: string;
  description: string;
  headers?: HeadersObject;
}

const COMMON: Common[] = [
  {
    status: '400',
    name: 'BadRequest',
    description:
      'The request fails its schema (types, lengths, sizes, codes; text in well-formed ' +
      `Unicode without U+0000; JSON nested at most ${MAX_JSON_DEPTH} levels) or a rule checked ` +
      'on the request alone; `errors` names the fields',
  },
  {
    status: '401',
    name: 'Unauthorized',
    description: 'A missing, invalid, expired or revoked access token',
  },
  { status: '403', name: 'Forbidden', description: 'The caller may not do this' },
  { status: '404', name: 'NotFound', description: 'Absent, or not visible to the caller' },
  {
    status: '413',
    name: 'ContentTooLarge',
    description: `The body is larger than ${BODY_LIMIT / 1024} KiB`,
  },
  {
    status: '415',
    name: 'UnsupportedMediaType',
    description: 'The body is not `application/json`',
  },
  {
    status: '429',
    name: 'TooManyRequests',
    description: 'Throttled; `Retry-After` says when to try again',
    // Only signed-in routes get this shared answer, so the rate-limit headers apply.
    headers: { ...RETRY_AFTER, ...RATE_LIMIT },
  },
  {
    status: '500',
    name: 'InternalError',
    description: 'An unexpected error; `detail` carries an error id to quote, never its cause',
  },
  {
    status: '503',
    name: 'Unavailable',
    description:
      'PostgreSQL or Redis cannot answer, or the data is busy with other changes; try again ' +
      'shortly (`Retry-After`, when given)',
    headers: RETRY_AFTER,
  },
];

const BY_STATUS = new Map(COMMON.map((c) => [c.status, c]));

function problemContent(): ResponseObject['content'] {
  return { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };
}

function isReference(value: ResponseObject | ReferenceObject): value is ReferenceObject {
  return '$ref' in value;
}

/** Retry-After as the server sends it (whole seconds); a description the route gives is kept. */
function withRetryAfter(headers: HeadersObject | undefined): HeadersObject {
  const stated = headers?.['Retry-After'];
  const description =
    (stated && !('$ref' in stated) ? stated.description : undefined) ??
    RETRY_AFTER_HEADER.description;
  return { ...headers, 'Retry-After': { ...RETRY_AFTER_HEADER, description } };
}

/** The statuses every call of this route can meet, from how it is declared. */
function statusesOf(route: RouteHandler, operation: OperationObject): string[] {
  const signedIn = route.rule?.kind === 'authenticated' || route.rule?.kind === 'roles';
  const hasBody =
    operation.requestBody !== undefined || route.args.some((a) => a.from === RouteParamtypes.BODY);
  const hasPathParameter = route.args.some((a) => a.from === RouteParamtypes.PARAM);
  return [
    '400',
    ...(signedIn ? ['401', '429'] : []),
    ...(route.rule?.kind === 'roles' ? ['403'] : []),
    ...(hasPathParameter ? ['404'] : []),
    ...(hasBody ? ['413', '415'] : []),
    '500',
    '503',
  ];
}

/**
 * Declares the problem answers of every operation (application/problem+json, one Problem
 * schema) and the rate-limit headers of the signed-in routes. An error answer a route
 * already describes keeps its own description and gains the content and headers.
 */
export function declareProblemResponses(document: OpenAPIObject, routes: RouteHandler[]): void {
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    Problem: PROBLEM,
    ProblemFieldError: FIELD_ERROR,
  };
  document.components.responses = {
    ...document.components.responses,
    ...Object.fromEntries(
      COMMON.map((c) => [
        c.name,
        {
          description: c.description,
          ...(c.headers ? { headers: c.headers } : {}),
          content: problemContent(),
        } satisfies ResponseObject,
      ]),
    ),
  };
  const operations = operationsById(document);
  for (const route of routes) {
    const operation = operations.get(route.operationId);
    if (!operation) continue;
    const responses = operation.responses;
    for (const status of statusesOf(route, operation)) {
      if (!responses[status])
        responses[status] = { $ref: `#/components/responses/${BY_STATUS.get(status)!.name}` };
    }
    const counted = route.rule?.kind === 'authenticated' || route.rule?.kind === 'roles';
    for (const [status, response] of Object.entries(responses)) {
      if (!response || isReference(response)) continue;
      const code = Number(status);
      if (code >= 400) response.content ??= problemContent();
      if (code === 429 || code === 503) response.headers = withRetryAfter(response.headers);
      if (counted && !route.ownsReply && (code < 300 || code === 429))
        response.headers = { ...response.headers, ...RATE_LIMIT };
    }
  }
}
