import {
  comparePositions,
  decodePosition,
  encodePosition,
  fromMicros,
  isRfc3339,
  toMicros,
} from './taxii-position';

describe('TAXII positions', () => {
  it('round-trips microsecond timestamps', () => {
    const t = '2026-12-02T11:45:46.123456Z';
    expect(fromMicros(toMicros(t))).toBe(t);
    expect(fromMicros(toMicros('2026-12-02T11:45:46Z'))).toBe('2026-12-02T11:45:46.000000Z');
    expect(toMicros('2026-12-02T12:45:46.5+01:00')).toBe(toMicros('2026-12-02T11:45:46.500Z'));
  });

  it('orders by time, then by sequence', () => {
    const a = { dateAdded: '2026-12-02T11:45:46.000001Z', seq: '9' };
    const b = { dateAdded: '2026-12-02T11:45:46.000002Z', seq: '1' };
    expect(comparePositions(a, b)).toBe(-1);
    expect(comparePositions(b, a)).toBe(1);
    expect(comparePositions(a, { ...a })).toBe(0);
    expect(comparePositions(a, { ...a, seq: '10' })).toBe(-1);
  });

  it('encodes next opaquely and refuses what it did not make', () => {
    const p = { dateAdded: '2026-12-02T11:45:46.000001Z', seq: '42' };
    const next = encodePosition(p);
    expect(next).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePosition(next)).toEqual(p);
    for (const bad of [
      '',
      'not json!',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["yesterday","1"]').toString('base64url'),
      Buffer.from('["2026-12-02T11:45:46Z","-1"]').toString('base64url'),
      'a'.repeat(300),
    ])
      expect(decodePosition(bad)).toBeNull();
  });

  it('knows an RFC 3339 timestamp', () => {
    expect(isRfc3339('2026-12-02T11:45:46.123Z')).toBe(true);
    expect(isRfc3339('2026-12-02T11:45:46+05:30')).toBe(true);
    expect(isRfc3339('2026-12-02')).toBe(false);
    expect(isRfc3339('2026-13-45T99:00:00Z')).toBe(false);
    expect(isRfc3339("2026-12-02T11:45:46Z' OR 1=1")).toBe(false);
  });
});
