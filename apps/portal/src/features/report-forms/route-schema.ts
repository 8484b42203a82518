import { z } from 'zod';
import { code, codeList, type Translate } from './schema-parts';

export interface RouteValues {
  origin: string;
  transit: string;
  destination: string;
}

/** The route's field names (relative to `body`). */
export const ROUTE_FIELDS = ['route', 'route.origin', 'route.transit', 'route.destination'];

export const emptyRoute = (): RouteValues => ({ origin: '', transit: '', destination: '' });

/**
 * The optional route `{origin, transit[], destination}`: left blank it is left out; begun,
 * it needs its origin and destination (transit countries are optional, at most 10).
 */
export const routeSchema = (t: Translate) => {
  const one = code(t, 'country');
  const transit = codeList(t, 'country', { max: 10, unique: false });
  return z
    .object({ origin: z.string(), transit: z.string(), destination: z.string() })
    .transform((route, ctx) => {
      if (!route.origin.trim() && !route.destination.trim() && !route.transit.trim())
        return undefined;
      const parts = {
        origin: one.safeParse(route.origin),
        transit: transit.safeParse(route.transit),
        destination: one.safeParse(route.destination),
      };
      for (const [key, result] of Object.entries(parts))
        if (!result.success)
          ctx.addIssue({ code: 'custom', path: [key], message: result.error.issues[0]?.message });
      if (!parts.origin.success || !parts.transit.success || !parts.destination.success)
        return z.NEVER;
      return {
        origin: parts.origin.data,
        ...(parts.transit.data.length ? { transit: parts.transit.data } : {}),
        destination: parts.destination.data,
      };
    });
};

export function routeValues(route: unknown): RouteValues {
  const r = (route ?? {}) as { origin?: string; transit?: string[]; destination?: string };
  return {
    origin: r.origin ?? '',
    transit: (r.transit ?? []).join(', '),
    destination: r.destination ?? '',
  };
}
