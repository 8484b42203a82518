import type { KeyObject } from 'node:crypto';
import { AuditRowText, canonicalEvent, canonicalGap, chainHash } from './audit-hash';
import { Checkpoint, checkCheckpoint } from './checkpoint-signature';

/** Why an entry of the chain does not hold. */
export type ChainBreakReason =
  /** seq numbers missing from audit_chain: entries were removed. */
  | 'missing_entry'
  /** The entry's prev_hash is not the hash of the entry before it. */
  | 'link'
  /** The entry seals an event whose row is gone from audit_events. */
  | 'missing_event'
  /** The entry records a gap (a rolled-back seq) but a row carries that seq now. */
  | 'unexpected_event'
  /** The row (or the gap marker) no longer hashes to the sealed hash: it was changed. */
  | 'hash'
  /** A signed checkpoint names another hash than the chain holds: the chain was re-sealed. */
  | 'checkpoint_hash'
  /** A checkpoint's signature does not verify. */
  | 'checkpoint_signature'
  /** A checkpoint is signed with a key the API does not know (AUDIT_PUBLIC_KEYS). */
  | 'checkpoint_unknown_key';

export interface ChainBreak {
  seq: number;
  reason: ChainBreakReason;
}

/** One audit_chain entry with its audit_events row (if any) and its checkpoint (if any). */
export interface ChainEntryRow extends AuditRowText {
  chain_seq: string;
  kind: 'event' | 'gap';
  prev_hash: string;
  hash: string;
  present: boolean;
  checkpoint: Checkpoint | null;
}

/**
 * Checks the chain entry by entry, from a trusted starting point, and collects every break
 * it meets up to `maxBreaks`. After a break it goes on from the stored hash, so that each
 * later entry is judged on its own and one changed row is reported once, not as a cascade.
 */
export class AuditChainChecker {
  readonly breaks: ChainBreak[] = [];
  /** The latest signed checkpoint met with no break at or before it in this run. */
  goodCheckpoint: Checkpoint | null = null;
  /** The latest checkpoint met, good or not. */
  lastCheckpoint: Checkpoint | null = null;
  private expected: bigint;
  private prevHash: string;
  private checkedThrough: bigint;

  constructor(
    start: { seq: bigint; hash: string },
    private readonly keys: ReadonlyMap<string, KeyObject>,
    private readonly maxBreaks: number,
  ) {
    this.expected = start.seq + 1n;
    this.prevHash = start.hash;
    this.checkedThrough = start.seq;
  }

  /** The seq of the last entry checked (the start when none was). */
  get through(): bigint {
    return this.checkedThrough;
  }

  /** The stored hash of the last entry checked. */
  get headHash(): string {
    return this.prevHash;
  }

  get full(): boolean {
    return this.breaks.length >= this.maxBreaks;
  }

  /** Checks the next entry (ascending seq); false once the bound of breaks is reached. */
  check(entry: ChainEntryRow): boolean {
    const seq = BigInt(entry.chain_seq);
    if (seq < this.expected) throw new Error(`chain entries out of order at ${entry.chain_seq}`);
    if (seq > this.expected) {
      // The entry before is gone, so its hash is unknown: take this entry's word for it
      // rather than report the same removal a second time as a broken link.
      this.add(this.expected, 'missing_entry');
      this.prevHash = entry.prev_hash;
    }
    if (entry.kind === 'event' && !entry.present) this.add(seq, 'missing_event');
    else if (entry.kind === 'gap' && entry.present) this.add(seq, 'unexpected_event');
    else if (entry.prev_hash !== this.prevHash) this.add(seq, 'link');
    else {
      const canonical =
        entry.kind === 'event' ? canonicalEvent(entry) : canonicalGap(entry.chain_seq);
      if (chainHash(this.prevHash, canonical) !== entry.hash) this.add(seq, 'hash');
    }
    if (entry.checkpoint) this.checkCheckpointAt(seq, entry);
    this.prevHash = entry.hash;
    this.expected = seq + 1n;
    this.checkedThrough = seq;
    return !this.full;
  }

  private checkCheckpointAt(seq: bigint, entry: ChainEntryRow): void {
    const checkpoint = entry.checkpoint!;
    this.lastCheckpoint = checkpoint;
    const signature = checkCheckpoint(checkpoint, this.keys);
    if (signature === 'unknown_key') this.add(seq, 'checkpoint_unknown_key');
    else if (signature === 'bad_signature') this.add(seq, 'checkpoint_signature');
    else if (checkpoint.hash !== entry.hash) this.add(seq, 'checkpoint_hash');
    else if (this.breaks.length === 0) this.goodCheckpoint = checkpoint;
  }

  private add(seq: bigint, reason: ChainBreakReason): void {
    if (this.breaks.length < this.maxBreaks) this.breaks.push({ seq: Number(seq), reason });
  }
}
