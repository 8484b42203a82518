import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a request came from, for audit rows and logs. */
export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestMeta>();

export const RequestContext = {
  run<T>(meta: RequestMeta, fn: () => T): T {
    return storage.run(meta, fn);
  },
  enter(meta: RequestMeta): void {
    storage.enterWith(meta);
  },
  current(): RequestMeta {
    return storage.getStore() ?? { requestId: null, ip: null, userAgent: null };
  },
};

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's X-Request-Id when it is safe to echo, else makes one. */
export function requestIdFrom(header: unknown, make: () => string): string {
  return typeof header === 'string' && SAFE_ID.test(header) ? header : make();
}
