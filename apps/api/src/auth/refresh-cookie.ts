/** The refresh token of a browser session, when it signed in with `refreshIn: "cookie"`. */
export const REFRESH_COOKIE = 'rilon_refresh';

/** The browser sends the cookie to the auth routes only, never to the rest of the API. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the cookie carries `Secure`: always, except where the portal is plain http on a
 * host other than loopback (Chromium honours Secure cookies on http://127.0.0.1 and
 * http://localhost, but would drop them anywhere else over http, which would sign out
 * every reload).
 */
export function cookieIsSecure(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
}

function attributes(secure: boolean, maxAgeSeconds: number): string {
  return [
    'HttpOnly',
    ...(secure ? ['Secure'] : []),
    'SameSite=Strict',
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
  ].join('; ');
}

/** The Set-Cookie value that hands the browser a refresh token. */
export function refreshCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  // A refresh token is `<uuid>.<base64url>`: cookie-safe as it is, nothing to encode.
  return `${REFRESH_COOKIE}=${token}; ${attributes(secure, maxAgeSeconds)}`;
}

/** The Set-Cookie value that makes the browser forget the refresh token. */
export function clearedRefreshCookie(secure: boolean): string {
  return `${REFRESH_COOKIE}=; ${attributes(secure, 0)}`;
}

/**
 * The refresh token from a Cookie header, or undefined. The first non-empty one wins: a
 * browser lists the cookie of the longest matching path first.
 */
export function refreshTokenFromCookies(header: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const pair of joined.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== REFRESH_COOKIE) continue;
    const value = pair
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (value) return value;
  }
  return undefined;
}
