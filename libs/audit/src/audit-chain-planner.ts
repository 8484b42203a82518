import { AuditRowText, canonicalEvent, canonicalGap, chainHash } from './audit-hash';

/** The last entry of the chain (seq 0 and the genesis hash when the chain is empty). */
export interface ChainHead {
  seq: bigint;
  hash: string;
}

/** A committed row after the head, with whether it was written longer ago than any transaction may last. */
export interface SealCandidate {
  row: AuditRowText;
  /** occurred_at is older than maxTransactionSeconds. */
  settled: boolean;
}

export interface PlannedEntry {
  seq: string;
  kind: 'event' | 'gap';
  prevHash: string;
  hash: string;
}

/**
 * Extends the chain over the contiguous committed prefix after `head`. A missing seq
 * before a settled row belonged to a transaction that started before that row was
 * written, longer ago than a transaction may last: it rolled back, so it becomes a
 * `gap`. A missing seq before an unsettled row may still commit: stop there.
 * `candidates` must be the committed rows with seq > head.seq, ascending.
 */
export function planChain(head: ChainHead, candidates: SealCandidate[]): PlannedEntry[] {
  const entries: PlannedEntry[] = [];
  let prevHash = head.hash;
  let expected = head.seq + 1n;
  const append = (seq: bigint, kind: 'event' | 'gap', canonical: string): void => {
    const hash = chainHash(prevHash, canonical);
    entries.push({ seq: seq.toString(), kind, prevHash, hash });
    prevHash = hash;
  };
  for (const { row, settled } of candidates) {
    const seq = BigInt(row.seq);
    if (seq < expected) throw new Error(`audit row ${row.seq} is not after the chain head`);
    if (seq > expected && !settled) break;
    for (; expected < seq; expected++) append(expected, 'gap', canonicalGap(expected.toString()));
    append(seq, 'event', canonicalEvent(row));
    expected = seq + 1n;
  }
  return entries;
}
