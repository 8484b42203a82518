import { generateKeyPairSync } from 'node:crypto';
import { auditKeyId } from '@rilon/core';
import { AuditChainChecker, ChainEntryRow } from './audit-chain-checker';
import { AuditRowText, canonicalEvent, canonicalGap, chainHash, GENESIS_HASH } from './audit-hash';
import { checkCheckpoint, signCheckpoint } from './checkpoint-signature';

const pair = generateKeyPairSync('ed25519');
const keyId = auditKeyId(pair.publicKey);
const keys = new Map([[keyId, pair.publicKey]]);

function row(seq: number): AuditRowText {
  return {
    seq: String(seq),
    id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    occurred_at: '2026-12-01T10:00:00.000000Z',
    actor_id: null,
    action: 'test.event',
    target_type: null,
    target_id: null,
    outcome: 'success',
    ip: null,
    request_id: null,
    details: '{}',
  };
}

/** A sealed chain of `n` entries (gaps where asked), with checkpoints where asked. */
function chain(n: number, gaps: number[] = [], checkpoints: number[] = []): ChainEntryRow[] {
  let prev = GENESIS_HASH;
  const out: ChainEntryRow[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const gap = gaps.includes(seq);
    const r = row(seq);
    const hash = chainHash(prev, gap ? canonicalGap(String(seq)) : canonicalEvent(r));
    out.push({
      ...r,
      chain_seq: String(seq),
      kind: gap ? 'gap' : 'event',
      prev_hash: prev,
      hash,
      present: !gap,
      checkpoint: checkpoints.includes(seq)
        ? signCheckpoint(
            { seq: String(seq), hash, signedAt: '2026-12-01T10:00:01.000Z' },
            pair.privateKey,
            keyId,
          )
        : null,
    });
    prev = hash;
  }
  return out;
}

function run(entries: ChainEntryRow[], max = 100, start = { seq: 0n, hash: GENESIS_HASH }) {
  const checker = new AuditChainChecker(start, keys, max);
  for (const e of entries) if (!checker.check(e)) break;
  return checker;
}

describe('AuditChainChecker', () => {
  it('passes an intact chain with gaps and checkpoints, and keeps the latest good checkpoint', () => {
    const checker = run(chain(10, [4], [3, 8]));
    expect(checker.breaks).toEqual([]);
    expect(checker.through).toBe(10n);
    expect(checker.goodCheckpoint?.seq).toBe('8');
  });

  it('reports a changed row once, and judges the entries after it on their own', () => {
    const entries = chain(6);
    entries[2] = { ...entries[2], details: '{"forged": true}' };
    entries[4] = { ...entries[4], outcome: 'failure' };
    expect(run(entries).breaks).toEqual([
      { seq: 3, reason: 'hash' },
      { seq: 5, reason: 'hash' },
    ]);
  });

  it('names removed entries, removed rows, rows in gaps and broken links', () => {
    const entries = chain(8, [6]);
    entries[1] = { ...entries[1], present: false };
    entries[3] = { ...entries[3], prev_hash: 'f'.repeat(64) };
    entries[5] = { ...entries[5], present: true };
    entries.splice(6, 1); // seq 7 gone from the chain
    expect(run(entries).breaks).toEqual([
      { seq: 2, reason: 'missing_event' },
      { seq: 4, reason: 'link' },
      { seq: 6, reason: 'unexpected_event' },
      { seq: 7, reason: 'missing_entry' },
    ]);
  });

  it('catches a consistent re-seal only at a signed checkpoint', () => {
    const honest = chain(6, [], [5]);
    // Rewrite row 2 and recompute every hash after it: every link holds.
    const forged: ChainEntryRow[] = [];
    let prev = GENESIS_HASH;
    for (const e of honest) {
      const changed = e.chain_seq === '2' ? { ...e, outcome: 'failure' } : e;
      const hash = chainHash(prev, canonicalEvent(changed));
      forged.push({ ...changed, prev_hash: prev, hash });
      prev = hash;
    }
    const checker = run(forged);
    expect(checker.breaks).toEqual([{ seq: 5, reason: 'checkpoint_hash' }]);
    expect(checker.goodCheckpoint).toBeNull();
  });

  it('refuses a checkpoint with a bad signature or an unknown key', () => {
    const entries = chain(4, [], [2, 4]);
    entries[1] = {
      ...entries[1],
      checkpoint: { ...entries[1].checkpoint!, signedAt: '2026-12-01T10:00:02.000Z' },
    };
    entries[3] = {
      ...entries[3],
      checkpoint: { ...entries[3].checkpoint!, keyId: 'a'.repeat(16) },
    };
    expect(run(entries).breaks).toEqual([
      { seq: 2, reason: 'checkpoint_signature' },
      { seq: 4, reason: 'checkpoint_unknown_key' },
    ]);
  });

  it('stops at the bound of breaks', () => {
    const entries = chain(20).map((e) => ({ ...e, details: '{"x":1}' }));
    const checker = run(entries, 5);
    expect(checker.breaks).toHaveLength(5);
    expect(checker.full).toBe(true);
    expect(checker.through).toBe(5n);
  });

  it('starts after a trusted checkpoint', () => {
    const entries = chain(9);
    const checker = run(entries.slice(5), 100, { seq: 5n, hash: entries[4].hash });
    expect(checker.breaks).toEqual([]);
    expect(checker.through).toBe(9n);
  });
});

describe('checkpoint signatures', () => {
  it('verifies only the exact values signed', () => {
    const c = signCheckpoint(
      { seq: '42', hash: 'a'.repeat(64), signedAt: '2026-12-01T10:00:00.000Z' },
      pair.privateKey,
      keyId,
    );
    expect(checkCheckpoint(c, keys)).toBe('valid');
    expect(checkCheckpoint({ ...c, seq: '43' }, keys)).toBe('bad_signature');
    expect(checkCheckpoint({ ...c, hash: 'b'.repeat(64) }, keys)).toBe('bad_signature');
    expect(checkCheckpoint({ ...c, signature: 'short' }, keys)).toBe('bad_signature');
    expect(checkCheckpoint(c, new Map())).toBe('unknown_key');
  });
});
