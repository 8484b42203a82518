import { createHash } from 'node:crypto';

/** The prev_hash of the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An audit_events row exactly as the chain hashes it: every column read as SQL text
 * (see {@link auditRowColumnsSql}), so that the sealer and the verifier, whatever
 * their session time zone or driver, serialise the same bytes.
 */
export interface AuditRowText {
  seq: string;
  id: string;
  occurred_at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  /** jsonb's own text form: PostgreSQL normalises key order and spacing. */
  details: string;
}

/**
 * The SELECT list that yields an {@link AuditRowText} from `audit_events` under `alias`.
 * occurred_at is formatted in UTC with microseconds, independent of the TimeZone setting.
 */
export function auditRowColumnsSql(alias: string): string {
  const a = alias;
  return `${a}.seq::text AS seq, ${a}.id::text AS id,
    to_char(${a}.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
    ${a}.actor_id::text AS actor_id, ${a}.action AS action, ${a}.target_type AS target_type,
    ${a}.target_id AS target_id, ${a}.outcome AS outcome, ${a}.ip AS ip,
    ${a}.request_id AS request_id, ${a}.details::text AS details`;
}

/** JSON with object keys sorted at every depth and no insignificant whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The bytes an `event` entry hashes: the whole row, as text. */
export function canonicalEvent(row: AuditRowText): string {
  return canonicalJson({
    kind: 'event',
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
  });
}

/** The bytes a `gap` entry hashes: a marker saying no row will ever carry this seq. */
export function canonicalGap(seq: string): string {
  return canonicalJson({ kind: 'gap', seq });
}

/** hash = sha256(prev_hash || canonical_json), hex. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonical, 'utf8').digest('hex');
}
