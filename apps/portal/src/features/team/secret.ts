/** The server's floor for a webhook secret; a generated one is far above it. */
export const MIN_SECRET_LENGTH = 16;
export const MAX_SECRET_LENGTH = 256;
const SECRET_BYTES = 32;

/** Bytes as base64url without padding (RFC 4648 §5): safe in headers and config files. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * 32 random bytes from the browser's CSPRNG (256 bits, 43 characters). Made in the
 * browser so the secret travels only once, in the PUT, and is never stored anywhere here.
 */
export function generateSecret(
  fill: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => void crypto.getRandomValues(bytes),
): string {
  const bytes = new Uint8Array(SECRET_BYTES);
  fill(bytes);
  return toBase64Url(bytes);
}

/** A typed secret: null when fine, else the catalogue key of the problem. */
export function secretProblem(secret: string): string | null {
  if (secret.length === 0) return 'webhook.secretRequired';
  if (secret.length < MIN_SECRET_LENGTH) return 'webhook.secretShort';
  if (secret.length > MAX_SECRET_LENGTH) return 'webhook.secretLong';
  return null;
}

/** The URL as the server will take it: absolute, http(s), no user name or password. */
export function urlProblem(raw: string): string | null {
  const text = raw.trim();
  if (!text) return 'webhook.urlRequired';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'webhook.urlInvalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'webhook.urlInvalid';
  if (url.username || url.password) return 'webhook.urlCredentials';
  return null;
}
