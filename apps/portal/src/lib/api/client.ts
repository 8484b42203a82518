import createClient from 'openapi-fetch';
import { session } from '../session/session';
import { ApiError, type Problem } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/**
 * Sends a request with the access token; on a 401 refreshes once and sends it again.
 * The request is cloned before it goes, because a sent body cannot be read twice.
 */
export async function authFetch(request: Request): Promise<Response> {
  const spare = request.clone();
  const token = session.accessToken();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401) return response;
  if (!(await session.recover(token))) return response;
  const fresh = session.accessToken();
  if (fresh) spare.headers.set('authorization', `Bearer ${fresh}`);
  return fetch(spare);
}

/** The typed client of /api/v1: paths and bodies come from the served OpenAPI document. */
export const api = createClient<paths>({
  baseUrl: '',
  fetch: authFetch,
  headers: { accept: 'application/json' },
});

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns an openapi-fetch result into its data, or throws the problem as an ApiError. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await result;
  if (!response.ok) {
    // openapi-fetch has read the body already: the problem is `error`.
    const problem: Problem =
      error && typeof error === 'object' && 'status' in error
        ? (error as Problem)
        : { status: response.status, title: response.statusText };
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return data as T;
}

export { ApiError };
