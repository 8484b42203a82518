import { isNationalityCode } from './validation/code-lists';

/**
 * Every country code a body mentions, sorted and unique: the `countries` column that lists
 * filter on and subscriptions match. Walks the known code fields of the four bodies.
 */
export function countriesOf(body: unknown): string[] {
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (isNationalityCode(value)) found.add(value);
  };
  const addRoute = (route: unknown): void => {
    if (!route || typeof route !== 'object') return;
    const r = route as { origin?: unknown; transit?: unknown; destination?: unknown };
    add(r.origin);
    if (Array.isArray(r.transit)) r.transit.forEach(add);
    add(r.destination);
  };
  if (!body || typeof body !== 'object') return [];
  const b = body as Record<string, unknown>;
  add(b.issuingCountry);
  add(b.reportingCountry);
  if (Array.isArray(b.holderNationalities)) b.holderNationalities.forEach(add);
  if (Array.isArray(b.detectionPoints))
    for (const p of b.detectionPoints) add((p as { country?: unknown } | null)?.country);
  if (Array.isArray(b.observations))
    for (const o of b.observations) add((o as { nationality?: unknown } | null)?.nationality);
  addRoute(b.route);
  add((b.location as { country?: unknown } | null | undefined)?.country);
  return [...found].sort();
}
