import { underPrefix } from '../http/content-security-policy';

/** Paths the portal never answers: an unknown one there stays a 404 problem. */
export const SERVER_PREFIXES = ['/api', '/health', '/metrics', '/admin', '/taxii2'];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Cache-Control of a file of the built portal, by its path relative to the portal's
 * directory. Vite names everything under assets/ by its content hash, so a cached copy
 * is right forever; the rest (index.html, favicon, ...) keeps its name across releases and
 * is revalidated on every use.
 */
export function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

/**
 * Whether a request that matched no route is a browser opening one of the portal's own
 * addresses (a deep link or a reload), to be answered with index.html and routed by the
 * portal. API clients, which do not ask for HTML, keep their 404 problem.
 */
export function isDeepLink(
  method: string,
  path: string,
  accept: string | string[] | undefined,
): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (underPrefix(path, SERVER_PREFIXES)) return false;
  const accepted = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return accepted.toLowerCase().includes('text/html');
}
