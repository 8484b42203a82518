import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

type Directives = Record<string, string[]>;

/**
 * The default for every answer, the portal's pages and files first: its own scripts,
 * styles, fonts and API only, never inline code or eval, never framed.
 */
const STRICT: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
};

/** Swagger UI and Bull Board ship inline scripts and styles (and Swagger its validator badge). */
const TOOLING: Directives = {
  ...STRICT,
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'validator.swagger.io'],
};

/** The only paths that get the looser policy: the API docs and the queue dashboard. */
export const TOOLING_PREFIXES = ['/api/docs', '/admin/queues'];

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const STRICT_POLICY = serialise(STRICT);
export const TOOLING_POLICY = serialise(TOOLING);

export function underPrefix(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export function policyFor(path: string): string {
  return underPrefix(path, TOOLING_PREFIXES) ? TOOLING_POLICY : STRICT_POLICY;
}

/** onRequest hook: helmet sends the other security headers, this one the CSP by path. */
export function contentSecurityPolicy(
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  reply.header('content-security-policy', policyFor(request.url.split('?')[0] ?? '/'));
  done();
}
