/**
 * Where a consumer is in a collection: the `date_added` of the last object version served
 * (RFC 3339 with microseconds, as the database stamped it) and its feed sequence number
 * (0 for the fixed objects served first). `next` is this, opaque (base64url JSON), so it
 * works alongside whatever filters the consumer sends again.
 */
export interface TaxiiPosition {
  dateAdded: string;
  seq: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/** Whether a query value is an RFC 3339 timestamp PostgreSQL will read as we mean it. */
export function isRfc3339(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** An RFC 3339 time as microseconds since the epoch (for ordering the fixed objects). */
export function toMicros(value: string): bigint {
  const match = /^(.*?T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(.*)$/.exec(value);
  if (!match) throw new Error(`not a timestamp: ${value}`);
  const seconds = BigInt(Date.parse(`${match[1]}${match[3]}`)) * 1000n;
  const fraction = BigInt((match[2] ?? '').padEnd(6, '0').slice(0, 6));
  return seconds + fraction;
}

/** Microseconds since the epoch as RFC 3339 UTC with six fraction digits. */
export function fromMicros(micros: bigint): string {
  const ms = micros / 1000n;
  const iso = new Date(Number(ms)).toISOString().slice(0, 19);
  const fraction = (((micros % 1_000_000n) + 1_000_000n) % 1_000_000n).toString().padStart(6, '0');
  return `${iso}.${fraction}Z`;
}

export function comparePositions(a: TaxiiPosition, b: TaxiiPosition): number {
  const byTime = toMicros(a.dateAdded) - toMicros(b.dateAdded);
  if (byTime !== 0n) return byTime < 0n ? -1 : 1;
  const bySeq = BigInt(a.seq) - BigInt(b.seq);
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}

export function encodePosition(p: TaxiiPosition): string {
  return Buffer.from(JSON.stringify([p.dateAdded, p.seq]), 'utf8').toString('base64url');
}

/** The position a `next` names, or null when it is not one of ours. */
export function decodePosition(next: string): TaxiiPosition | null {
  if (next.length > 200 || !/^[A-Za-z0-9_-]+$/.test(next)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(next, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [dateAdded, seq] = value as unknown[];
    if (typeof dateAdded !== 'string' || !isRfc3339(dateAdded)) return null;
    if (typeof seq !== 'string' || !/^\d{1,18}$/.test(seq)) return null;
    return { dateAdded, seq };
  } catch {
    return null;
  }
}
