import { planChain, SealCandidate } from './audit-chain-planner';
import { AuditRowText, canonicalEvent, canonicalGap, chainHash, GENESIS_HASH } from './audit-hash';

function row(seq: number, details = '{}'): AuditRowText {
  return {
    seq: String(seq),
    id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    occurred_at: '2026-11-28T10:00:00.123456Z',
    actor_id: null,
    action: 'auth.login',
    target_type: 'user',
    target_id: null,
    outcome: 'success',
    ip: '127.0.0.1',
    request_id: 'r1',
    details,
  };
}

const head = { seq: 0n, hash: GENESIS_HASH };
const c = (seq: number, settled = false): SealCandidate => ({ row: row(seq), settled });

describe('planChain', () => {
  it('links each entry to the previous hash', () => {
    const plan = planChain(head, [c(1), c(2)]);
    expect(plan.map((e) => e.seq)).toEqual(['1', '2']);
    expect(plan[0].prevHash).toBe(GENESIS_HASH);
    expect(plan[0].hash).toBe(chainHash(GENESIS_HASH, canonicalEvent(row(1))));
    expect(plan[1].prevHash).toBe(plan[0].hash);
  });

  it('stops before a missing seq that may still commit', () => {
    expect(planChain(head, [c(1), c(3), c(4)]).map((e) => e.seq)).toEqual(['1']);
  });

  it('records a settled gap as a rollback and continues', () => {
    const plan = planChain(head, [c(1), c(4, true), c(5)]);
    expect(plan.map((e) => [e.seq, e.kind])).toEqual([
      ['1', 'event'],
      ['2', 'gap'],
      ['3', 'gap'],
      ['4', 'event'],
      ['5', 'event'],
    ]);
    expect(plan[1].hash).toBe(chainHash(plan[0].hash, canonicalGap('2')));
  });

  it('continues from a head other than genesis', () => {
    const plan = planChain({ seq: 7n, hash: 'a'.repeat(64) }, [c(8)]);
    expect(plan[0]).toMatchObject({ seq: '8', prevHash: 'a'.repeat(64) });
  });

  it('changes the hash when any column changes', () => {
    const a = canonicalEvent(row(1, '{"a": 1}'));
    const b = canonicalEvent(row(1, '{"a": 2}'));
    expect(chainHash(GENESIS_HASH, a)).not.toBe(chainHash(GENESIS_HASH, b));
  });

  it('refuses rows at or before the head', () => {
    expect(() => planChain({ seq: 3n, hash: GENESIS_HASH }, [c(2)])).toThrow();
  });
});
