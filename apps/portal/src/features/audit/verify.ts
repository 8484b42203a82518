import type { Schemas } from '../../lib/api/client';

export type VerifyAnswer = Schemas['AuditVerifyDto'];

/** How much of the head hash the sentence quotes: enough to compare by eye. */
export const HASH_PREFIX = 12;

/**
 * The verification result as a sentence of the audit catalogue (a key and its values),
 * with every figure the answer carries: how far the chain verified and its head hash, or
 * the first entry that fails.
 */
export function verifyMessage(
  answer: Pick<VerifyAnswer, 'ok'> & Partial<Omit<VerifyAnswer, 'ok'>>,
): {
  key: string;
  values: Record<string, string | number>;
} {
  if (answer.ok) {
    const through = answer.verifiedThrough ?? 0;
    if (through === 0) return { key: 'verify.empty', values: {} };
    return {
      key: 'verify.intact',
      values: { through, hash: (answer.headHash ?? '').slice(0, HASH_PREFIX) },
    };
  }
  if (answer.firstBadSeq === undefined) return { key: 'verify.brokenSomewhere', values: {} };
  return {
    key: 'verify.broken',
    values: { seq: answer.firstBadSeq, before: Math.max(0, answer.firstBadSeq - 1) },
  };
}
