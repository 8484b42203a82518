import { describe, expect, it } from 'vitest';
import {
  auditFiltersToParams,
  auditFiltersToQuery,
  parseAuditFilters,
  readAuditForm,
} from './filters';
import { verifyMessage } from './verify';

const ACTOR = '0194F0A2-7B3C-7D41-9A55-1C2D3E4F5A6B';

describe('audit filters in the URL', () => {
  it('read every filter and write them back in one order', () => {
    const search =
      `to=2026-11-30&from=2026-11-01&outcome=denied&targetId=abc-1&targetType=report` +
      `&action=report.read&actorId=${ACTOR}`;
    const filters = parseAuditFilters(new URLSearchParams(search));
    expect(filters).toEqual({
      actorId: ACTOR.toLowerCase(),
      action: 'report.read',
      targetType: 'report',
      targetId: 'abc-1',
      outcome: 'denied',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(auditFiltersToParams(filters).toString()).toBe(
      `actorId=${ACTOR.toLowerCase()}&action=report.read&targetType=report&targetId=abc-1` +
        `&outcome=denied&from=2026-11-01&to=2026-11-30`,
    );
    expect(parseAuditFilters(auditFiltersToParams(filters))).toEqual(filters);
  });

  it('write nothing when nothing is set, and send only what is set', () => {
    expect(auditFiltersToParams(parseAuditFilters(new URLSearchParams(''))).toString()).toBe('');
    expect(auditFiltersToQuery({ action: 'auth.login', targetId: '' })).toEqual({
      action: 'auth.login',
    });
  });

  it('drop values the API would refuse instead of sending them', () => {
    const filters = parseAuditFilters(
      new URLSearchParams(
        'actorId=nope&action=Auth.Login&targetType=a.b&outcome=maybe&from=2026-02-30&to=yesterday' +
          `&targetId=${'x'.repeat(65)}&cursor=abc&limit=5`,
      ),
    );
    expect(filters).toEqual({});
  });
});

describe('the audit filter form', () => {
  it('turns the fields into filters, trimmed, empty ones left out', () => {
    const result = readAuditForm([
      ['actorId', ` ${ACTOR} `],
      ['action', 'auth.login'],
      ['targetType', ''],
      ['outcome', 'success'],
      ['from', '2026-11-01'],
    ]);
    expect(result).toEqual({
      filters: {
        actorId: ACTOR.toLowerCase(),
        action: 'auth.login',
        outcome: 'success',
        from: '2026-11-01',
      },
      errors: {},
    });
  });

  it('refuses malformed values on their fields, and dates in the wrong order', () => {
    expect(
      readAuditForm([
        ['actorId', 'someone'],
        ['action', 'Login'],
        ['targetType', 'Report'],
      ]).errors,
    ).toEqual({
      actorId: 'filters.invalid.actorId',
      action: 'filters.invalid.action',
      targetType: 'filters.invalid.targetType',
    });
    const reversed = readAuditForm([
      ['from', '2026-11-30'],
      ['to', '2026-11-01'],
    ]);
    expect(reversed).toEqual({ filters: null, errors: { to: 'filters.invalid.order' } });
  });
});

describe('the verification sentence', () => {
  it('says how far the chain verified, with the head hash quoted', () => {
    expect(verifyMessage({ ok: true, verifiedThrough: 1234, headHash: 'ab'.repeat(32) })).toEqual({
      key: 'verify.intact',
      values: { through: 1234, hash: 'abababababab' },
    });
  });

  it('says an empty sealed log is empty, not intact through entry 0', () => {
    expect(verifyMessage({ ok: true, verifiedThrough: 0, headHash: '0'.repeat(64) }).key).toBe(
      'verify.empty',
    );
  });

  it('names the first broken entry and how many before it hold', () => {
    expect(verifyMessage({ ok: false, firstBadSeq: 57 })).toEqual({
      key: 'verify.broken',
      values: { seq: 57, before: 56 },
    });
    expect(verifyMessage({ ok: false, firstBadSeq: 1 }).values.before).toBe(0);
    expect(verifyMessage({ ok: false }).key).toBe('verify.brokenSomewhere');
  });
});
