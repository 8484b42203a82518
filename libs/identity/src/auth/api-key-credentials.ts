/** The longest key id or secret read from a header; anything longer is no key. */
const MAX_PART = 128;

/**
 * The key id and secret of an Authorization header (docs/stix.md, "TAXII"): HTTP Basic
 * (RFC 7617) with the key id as user name and the secret as password, or
 * `Bearer <key id>.<secret>`. Null for anything else, so the guard answers 401 without a
 * query. The secret is never logged: the request logger redacts Authorization.
 */
export function apiKeyCredentials(
  header: string | string[] | undefined,
): { keyId: string; secret: string } | null {
  if (typeof header !== 'string' || header.length > 4 * MAX_PART) return null;
  const match = /^(Basic|Bearer)\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  let keyId: string;
  let secret: string;
  if (match[1].toLowerCase() === 'basic') {
    const decoded = Buffer.from(match[2], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    keyId = decoded.slice(0, colon);
    secret = decoded.slice(colon + 1);
  } else {
    const dot = match[2].indexOf('.');
    if (dot < 0) return null;
    keyId = match[2].slice(0, dot);
    secret = match[2].slice(dot + 1);
  }
  if (!keyId || !secret || keyId.length > MAX_PART || secret.length > MAX_PART) return null;
  return { keyId, secret };
}
