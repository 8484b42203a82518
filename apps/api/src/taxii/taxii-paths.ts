/**
 * TAXII 2.1's URLs end in a slash (`/taxii2/rilon/collections/`); the router's routes do not.
 * Fastify's `rewriteUrl` drops that one slash under /taxii2/ only, so every other route keeps
 * its exact paths, and a TAXII client may send either form.
 */
export function taxiiUrl(url: string | undefined): string {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  if (!path.startsWith('/taxii2/') || !path.endsWith('/')) return raw;
  return `${path.slice(0, -1)}${q < 0 ? '' : raw.slice(q)}`;
}
