import { KeyObject, sign, verify } from 'node:crypto';

/** A signed statement: "the chain's entry `seq` has hash `hash`", made at `signedAt`. */
export interface Checkpoint {
  seq: string;
  hash: string;
  /** ISO 8601 in UTC with milliseconds, exactly as signed (`Date.prototype.toISOString`). */
  signedAt: string;
  keyId: string;
  /** Ed25519 signature of {@link checkpointMessage}, base64. */
  signature: string;
}

/**
 * The bytes a checkpoint signs. Versioned and line-separated, so that anyone can rebuild it
 * with the public key from `GET /audit-events/keys` and check a copy of a checkpoint offline.
 */
export function checkpointMessage(c: Pick<Checkpoint, 'seq' | 'hash' | 'signedAt'>): Buffer {
  return Buffer.from(`rilon-audit-checkpoint/v1\n${c.seq}\n${c.hash}\n${c.signedAt}\n`, 'utf8');
}

export function signCheckpoint(
  c: Pick<Checkpoint, 'seq' | 'hash' | 'signedAt'>,
  privateKey: KeyObject,
  keyId: string,
): Checkpoint {
  const signature = sign(null, checkpointMessage(c), privateKey).toString('base64');
  return { seq: c.seq, hash: c.hash, signedAt: c.signedAt, keyId, signature };
}

export type CheckpointCheck = 'valid' | 'unknown_key' | 'bad_signature';

/** Whether a checkpoint was signed by one of `keys` (by key id) over exactly these values. */
export function checkCheckpoint(
  c: Checkpoint,
  keys: ReadonlyMap<string, KeyObject>,
): CheckpointCheck {
  const key = keys.get(c.keyId);
  if (!key) return 'unknown_key';
  let signature: Buffer;
  try {
    signature = Buffer.from(c.signature, 'base64');
  } catch {
    return 'bad_signature';
  }
  if (signature.length !== 64) return 'bad_signature';
  return verify(null, checkpointMessage(c), key, signature) ? 'valid' : 'bad_signature';
}
