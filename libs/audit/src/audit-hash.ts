import { hash } from 'node:crypto';

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

/**
 * The bytes an `event` entry hashes: the whole row, as text, in {@link canonicalJson}'s form
 * of the object below (audit-hash.spec.ts holds them byte for byte equal). The keys are
 * written in their sorted order once, here, instead of sorted per row: the sealer and the
 * verifier call this once per event, a million times over a full verification.
 */
export function canonicalEvent(row: AuditRowText): string {
  if (
    row.seq === undefined ||
    row.id === undefined ||
    row.occurred_at === undefined ||
    row.actor_id === undefined ||
    row.action === undefined ||
    row.target_type === undefined ||
    row.target_id === undefined ||
    row.outcome === undefined ||
    row.ip === undefined ||
    row.request_id === undefined ||
    row.details === undefined
  ) {
    // canonicalJson leaves an undefined member out; a row from SQL never has one.
    return canonicalJson(eventObject(row));
  }
  return (
    `{"action":${json(row.action)},"actorId":${json(row.actor_id)},"details":${json(row.details)}` +
    `,"id":${json(row.id)},"ip":${json(row.ip)},"kind":"event","occurredAt":${json(row.occurred_at)}` +
    `,"outcome":${json(row.outcome)},"requestId":${json(row.request_id)},"seq":${json(row.seq)}` +
    `,"targetId":${json(row.target_id)},"targetType":${json(row.target_type)}}`
  );
}

/** A scalar as canonicalJson writes it. */
function json(value: string | number | boolean | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/** The object an `event` entry stands for; {@link canonicalEvent} writes its canonical JSON. */
export function eventObject(row: AuditRowText): Record<string, unknown> {
  return {
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
  };
}

/** The bytes a `gap` entry hashes: a marker saying no row will ever carry this seq. */
export function canonicalGap(seq: string): string {
  return canonicalJson({ kind: 'gap', seq });
}

/** hash = sha256(prev_hash || canonical_json), hex. */
export function chainHash(prevHash: string, canonical: string): string {
  // One-shot over the joined text: the same bytes as a Hash object fed twice, at half the cost.
  return hash('sha256', prevHash + canonical, 'hex');
}
