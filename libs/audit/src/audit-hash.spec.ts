import { createHash } from 'node:crypto';
import {
  AuditRowText,
  canonicalEvent,
  canonicalGap,
  canonicalJson,
  chainHash,
  eventObject,
  GENESIS_HASH,
} from './audit-hash';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"y":"x","z":null}]},"b":1}',
    );
  });

  it('gives the same text whatever the insertion order', () => {
    expect(canonicalJson({ x: 'é"\n', y: null })).toBe(canonicalJson({ y: null, x: 'é"\n' }));
  });
});

const row = (over: Partial<AuditRowText> = {}): AuditRowText => ({
  seq: '42',
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  occurred_at: '2026-12-02T14:47:24.123456Z',
  actor_id: '00000000-0000-4000-8000-00000000047e',
  action: 'report.publish',
  target_type: 'report',
  target_id: '00000000-0000-7000-8000-000000020340',
  outcome: 'success',
  ip: '10.0.0.7',
  request_id: 'req-1',
  details: '{"title": "x", "version": 2}',
  ...over,
});

describe('canonicalEvent', () => {
  // The sealer hashed canonicalJson of this object before the fixed-order writer; every
  // chain sealed since must verify, so the bytes must be the same for any row.
  const awkward: Array<[string, Partial<AuditRowText>]> = [
    ['a plain row', {}],
    [
      'nulls wherever a column may be null',
      { actor_id: null, target_type: null, target_id: null, ip: null, request_id: null },
    ],
    ['unicode, right to left and astral', { details: '{"t": "Урду اردو 𝄞 émoji 🛡️ \\u0000"}' }],
    ['quotes, backslashes and control characters', { request_id: 'a"b\\c\n\t\r\b\f\u0001\u001f' }],
    ['a lone surrogate', { target_id: 'x\ud800y\udfffz' }],
    ['HTML-ish and separators', { ip: '</script>\u2028\u2029&<>' }],
    ['long details', { details: JSON.stringify({ note: 'ß'.repeat(20000), list: [1, 2, 3] }) }],
    ['empty strings', { action: '', outcome: '', details: '' }],
    ['a gap-like seq', { seq: '9007199254740993' }],
  ];
  it.each(awkward)('writes %s exactly as canonicalJson does', (_name, over) => {
    const r = row(over);
    expect(canonicalEvent(r)).toBe(canonicalJson(eventObject(r)));
    expect(JSON.parse(canonicalEvent(r))).toEqual(eventObject(r));
  });

  it('falls back to canonicalJson for a row missing a column', () => {
    const r = row();
    delete (r as Partial<AuditRowText>).ip;
    expect(canonicalEvent(r)).toBe(canonicalJson(eventObject(r)));
    expect(canonicalEvent(r)).not.toContain('"ip"');
  });
});

describe('chainHash', () => {
  it('is sha256 of the previous hash then the canonical text, as two updates gave it', () => {
    for (const text of [canonicalGap('7'), canonicalEvent(row({ details: '{"t": "é𝄞"}' }))]) {
      const twoUpdates = createHash('sha256')
        .update(GENESIS_HASH, 'utf8')
        .update(text, 'utf8')
        .digest('hex');
      expect(chainHash(GENESIS_HASH, text)).toBe(twoUpdates);
    }
  });
});
