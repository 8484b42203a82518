import { Logger } from '@nestjs/common';
import { ProblemException, toProblem } from '@rilon/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** The longest request target (path and query) the API reads; RFC 9110 asks for 8000 at least. */
export const MAX_URL_BYTES = 8 * 1024;
/**
 * Node's limit on the request line and headers together (its default is 16 KiB), above
 * MAX_URL_BYTES plus ordinary headers, so that a long URL is a 414 and only headers that
 * are too large are a 431.
 */
export const MAX_HEADER_BYTES = 32 * 1024;
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

const logger = new Logger('HttpEdge');

function uriTooLong(detail: string): ProblemException {
  return new ProblemException({ status: 414, type: 'uri-too-long', title: 'URI too long', detail });
}

/** How much of the path a problem's `instance` repeats: an over-long URL is not echoed whole. */
const MAX_INSTANCE = 256;

/**
 * Sends `error` as a problem document (the API's error handler and the router's errors).
 * The router refuses a bad URL before any hook runs, so helmet has not set its headers
 * then: nosniff is set here, so that no browser reads a problem as markup.
 */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0] ?? '';
  const instance = path.length > MAX_INSTANCE ? `${path.slice(0, MAX_INSTANCE)}…` : path;
  const { body, headers } = toProblem(error, instance, logger);
  void reply
    .headers({ ...headers, 'x-request-id': request.id, 'x-content-type-options': 'nosniff' })
    .type(PROBLEM_TYPE)
    .status(body.status)
    .send(JSON.stringify(body));
}

/** An `onRequest` hook: a request target beyond MAX_URL_BYTES is a 414 problem. */
export function limitUrlLength(request: FastifyRequest): Promise<void> {
  if (request.raw.url && request.raw.url.length > MAX_URL_BYTES) {
    return Promise.reject(uriTooLong(`The URL is longer than ${MAX_URL_BYTES / 1024} KiB`));
  }
  return Promise.resolve();
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any hook runs (a URL whose
 * escapes are not UTF-8, a path segment longer than `maxParamLength`) is a problem
 * document too, without echoing the URL.
 */
export function frameworkErrors(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? uriTooLong('A segment of the URL path is longer than the API reads')
      : error.code === 'FST_ERR_BAD_URL'
        ? ProblemException.badRequest('The URL is not valid percent-encoded UTF-8')
        : error;
  sendProblem(problem, request, reply);
}

const CLIENT_ERRORS: Record<
  string,
  { status: number; title: string; type: string; detail: string }
> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request header fields too large',
    type: 'request-header-fields-too-large',
    detail: `The request line and headers are larger than ${MAX_HEADER_BYTES / 1024} KiB`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request timeout',
    type: 'request-timeout',
    detail: 'The request did not arrive in time',
  },
};
const MALFORMED = {
  status: 400,
  title: 'Bad request',
  type: 'bad-request',
  detail: 'The request is not well-formed HTTP/1.1',
};

/**
 * Fastify's `clientErrorHandler`, for what Node's HTTP parser refuses before there is a
 * request (headers beyond MAX_HEADER_BYTES, a request that is not HTTP, a timeout): the
 * answer is written to the socket as a problem document, and the connection closed. There
 * is no request path, so `instance` names the occurrence by its request id.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  const headersSent = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
    ?.headersSent;
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable || headersSent) {
    socket.destroy();
    return;
  }
  const kind = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: `/problems/${kind.type}`,
    title: kind.title,
    status: kind.status,
    detail: kind.detail,
    instance: `urn:uuid:${requestId}`,
  });
  // Flushed, then closed: the rest of what the client sends is never read.
  socket.end(
    [
      `HTTP/1.1 ${kind.status} ${STATUS_CODES[kind.status] ?? kind.title}`,
      `content-type: ${PROBLEM_TYPE}`,
      `content-length: ${Buffer.byteLength(body)}`,
      `x-request-id: ${requestId}`,
      'x-content-type-options: nosniff',
      'cache-control: no-store',
      'connection: close',
      '',
      body,
    ].join('\r\n'),
    () => socket.destroy(),
  );
}
