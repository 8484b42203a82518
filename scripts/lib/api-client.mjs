// The one HTTP client of the scripts that talk to the portal's API (the demo seeders, the
// benchmarks, the sqlmap run): JSON in and out with an optional Bearer token, an answer the
// caller did not expect thrown as an ApiProblem with the RFC 9457 problem's status and detail,
// and the sign-in in both forms, tokens in the body or the refresh token as the portal's cookie.

/** The refresh cookie the API sets for a sign-in with `refreshIn: "cookie"`. */
export const REFRESH_COOKIE = 'rilon_refresh';

/** The API's URL under a server's origin (`http://127.0.0.1:3000` → `…/api/v1`). */
export const apiUrlOf = (baseUrl) => `${baseUrl.replace(/\/$/, '')}/api/v1`;

/** An answer the caller did not expect; `status`, `title`, `detail`, `errors` from the problem. */
export class ApiProblem extends Error {
  constructor(what, res) {
    const problem = res.body && typeof res.body === 'object' ? res.body : {};
    const fields = Array.isArray(problem.errors)
      ? problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
      : '';
    const said =
      typeof problem.detail === 'string'
        ? [problem.title, problem.detail, fields].filter(Boolean).join(': ')
        : res.text.slice(0, 500);
    super(`${what}: HTTP ${res.status} ${said}`);
    this.name = 'ApiProblem';
    this.status = res.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors;
    this.text = res.text;
  }
}

/**
 * A client of `apiUrl` (see apiUrlOf) that sends `token`, if any, as its Bearer token.
 *   send(method, path, body?)  the answer whatever its status: {status, body, text, headers}
 *   call(method, path, body?, {what}?)  the body of a 2xx answer, else throws an ApiProblem
 *   listAll(path)  every item of a cursor-paged list
 *   as(token)  the same client with another token
 */
export function apiClient(apiUrl, token) {
  async function send(method, path, body) {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(apiUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  }

  async function call(method, path, body, { what = `${method} ${path}` } = {}) {
    const res = await send(method, path, body);
    if (res.status < 200 || res.status >= 300) throw new ApiProblem(what, res);
    return res.body;
  }

  async function listAll(path) {
    const items = [];
    let cursor = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await call(
        'GET',
        `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  return { apiUrl, token, send, call, listAll, as: (other) => apiClient(apiUrl, other) };
}

/**
 * Signs in with `{email, password}`: the token pair (accessToken, refreshToken, expiresIn) and
 * `api`, the client that sends the new access token.
 */
export async function signIn(api, { email, password }, what = `sign-in of ${email}`) {
  const pair = await api.call('POST', '/auth/login', { email, password }, { what });
  return { ...pair, api: api.as(pair.accessToken) };
}

/**
 * Signs in as the portal does (`refreshIn: "cookie"`): the access token, its client, and the
 * refresh cookie as `name=value`, ready for a Cookie header.
 */
export async function signInWithCookie(api, { email, password }) {
  const what = `cookie sign-in of ${email}`;
  const res = await api.send('POST', '/auth/login', { email, password, refreshIn: 'cookie' });
  if (res.status !== 200) throw new ApiProblem(what, res);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error(`${what}: no ${REFRESH_COOKIE} cookie in the answer`);
  const { accessToken } = res.body;
  return { accessToken, api: api.as(accessToken), cookie };
}
