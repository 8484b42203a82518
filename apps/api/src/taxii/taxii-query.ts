import { ProblemException, isUuid } from '@rilon/core';
import { decodePosition, isRfc3339, type TaxiiPosition, type VersionMatch } from '@rilon/reports';

/** A page's bound (TAXII 2.1 lets the server return fewer than asked). */
export const TAXII_DEFAULT_LIMIT = 100;
export const TAXII_MAX_LIMIT = 200;

/** The STIX types a collection can hold. */
const TYPES = /^[a-z][a-z0-9-]{0,62}$/;
const STIX_ID = /^([a-z][a-z0-9-]{0,62})--([0-9a-f-]{36})$/;

/** The filters of the objects, manifest, object and versions endpoints, checked. */
export interface TaxiiQuery {
  addedAfter?: string;
  after?: TaxiiPosition;
  limit: number;
  types: string[];
  ids: Array<{ type: string; uuid: string }>;
  versions: VersionMatch;
  /** match[spec_version] left out 2.1: nothing matches. */
  noSpecVersion: boolean;
}

type Raw = Record<string, string | string[] | undefined>;

/** Every value of a parameter, repeated or comma-separated. */
function values(raw: Raw, key: string): string[] {
  const v = raw[key];
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list.flatMap((s) => s.split(',')).map((s) => s.trim());
}

function refuse(detail: string): never {
  throw ProblemException.badRequest(detail);
}

/**
 * TAXII 2.1's filters (section 3.4): `added_after`, `limit`, `next`, `match[id]`,
 * `match[type]`, `match[version]` (`first`, `last`, `all` or timestamps; `last` by default)
 * and `match[spec_version]` (2.1 is the only one served). Bad values are a 400.
 */
export function parseTaxiiQuery(raw: Raw): TaxiiQuery {
  const q: TaxiiQuery = {
    limit: TAXII_DEFAULT_LIMIT,
    types: [],
    ids: [],
    versions: { first: false, last: false, all: false, at: [] },
    noSpecVersion: false,
  };
  const single = (key: string): string | undefined => {
    const v = raw[key];
    if (Array.isArray(v)) {
      if (new Set(v).size > 1) refuse(`${key} may be given once`);
      return v[0];
    }
    return v;
  };
  const addedAfter = single('added_after');
  if (addedAfter !== undefined) {
    if (!isRfc3339(addedAfter)) refuse('added_after must be an RFC 3339 timestamp');
    q.addedAfter = addedAfter;
  }
  const limit = single('limit');
  if (limit !== undefined) {
    if (!/^\d{1,6}$/.test(limit) || Number(limit) < 1) refuse('limit must be a positive integer');
    q.limit = Math.min(Number(limit), TAXII_MAX_LIMIT);
  }
  const next = single('next');
  if (next !== undefined) {
    const position = decodePosition(next);
    if (!position) refuse('next is not one this server gave');
    q.after = position;
  }
  const types = values(raw, 'match[type]');
  if (types.length > 50 || types.some((t) => !TYPES.test(t))) refuse('match[type] is malformed');
  q.types = [...new Set(types)];
  const ids = values(raw, 'match[id]');
  if (ids.length > 50) refuse('match[id] names at most 50 ids');
  q.ids = ids.map((id) => {
    const m = STIX_ID.exec(id);
    if (!m || !isUuid(m[2])) refuse(`match[id] ${JSON.stringify(id)} is not a STIX id`);
    return { type: m[1], uuid: m[2].toLowerCase() };
  });
  const versions = values(raw, 'match[version]');
  if (versions.length > 50) refuse('match[version] names at most 50 versions');
  if (versions.length === 0) q.versions.last = true;
  for (const v of versions) {
    if (v === 'first' || v === 'last' || v === 'all') q.versions[v] = true;
    else if (isRfc3339(v)) q.versions.at.push(v);
    else refuse('match[version] takes first, last, all or RFC 3339 timestamps');
  }
  const specVersions = values(raw, 'match[spec_version]');
  if (specVersions.some((v) => !/^\d\.\d$/.test(v)))
    refuse('match[spec_version] takes versions such as 2.1');
  q.noSpecVersion = specVersions.length > 0 && !specVersions.includes('2.1');
  return q;
}
