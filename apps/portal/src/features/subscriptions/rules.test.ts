import { describe, expect, it } from 'vitest';
import { digestZones, draftsToRules, newDraft, parseCountries, toDrafts } from './rules';

describe('subscription rules in the editor', () => {
  it('read back what they save, filters left out when empty', () => {
    const rules = [
      { email: 'off' as const },
      {
        types: ['modus_operandi' as const, 'visa_fraud_trend' as const],
        countries: ['THA', 'LKA'],
        urgentOnly: true,
        email: 'daily' as const,
      },
    ];
    const drafts = toDrafts(rules);
    expect(drafts[1]).toEqual({
      key: 2,
      types: ['visa_fraud_trend', 'modus_operandi'],
      countries: 'THA LKA',
      urgentOnly: true,
      email: 'daily',
    });
    expect(draftsToRules(drafts)).toEqual({
      rules: [
        { email: 'off' },
        {
          types: ['visa_fraud_trend', 'modus_operandi'],
          countries: ['THA', 'LKA'],
          urgentOnly: true,
          email: 'daily',
        },
      ],
      errors: {},
    });
    expect(draftsToRules([newDraft(1)]).rules).toEqual([{ email: 'off' }]);
    expect(draftsToRules([]).rules).toEqual([]);
  });

  it('take country codes in any case, separated anyhow, each once', () => {
    expect(parseCountries(' tha, LKA;idn  tha\n')).toEqual(['THA', 'LKA', 'IDN']);
    expect(parseCountries('  ')).toEqual([]);
  });

  it('refuse codes that are not three letters, on their rule', () => {
    const drafts = [newDraft(1), { ...newDraft(2), countries: 'THA TH 123' }];
    expect(draftsToRules(drafts)).toEqual({
      rules: null,
      errors: { 'rules.1.countries': { key: 'invalid.countryCode', values: { codes: 'TH, 123' } } },
    });
    const many = Array.from(
      { length: 51 },
      (_, i) =>
        `A${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
    );
    expect(draftsToRules([{ ...newDraft(1), countries: many.join(' ') }]).errors).toEqual({
      'rules.0.countries': { key: 'invalid.tooManyCountries', values: { max: 50 } },
    });
    expect(draftsToRules(Array.from({ length: 21 }, (_, i) => newDraft(i))).errors.rules?.key).toBe(
      'invalid.tooManyRules',
    );
  });
});

describe('the daily digest time zone', () => {
  const capitals = [
    { id: 'bkk', timezone: 'Asia/Bangkok' },
    { id: 'cmb', timezone: 'Asia/Colombo' },
    { id: 'hcm', timezone: 'Asia/Bangkok' },
  ];
  it('is UTC without a team, the capital of the one team, or one of the candidates', () => {
    expect(digestZones([], capitals)).toEqual(['UTC']);
    expect(digestZones([{ capitalId: 'bkk' }, { capitalId: 'hcm' }], capitals)).toEqual([
      'Asia/Bangkok',
    ]);
    expect(digestZones([{ capitalId: 'cmb' }, { capitalId: 'bkk' }], capitals)).toEqual([
      'Asia/Bangkok',
      'Asia/Colombo',
    ]);
    expect(digestZones([{ capitalId: 'unknown' }], capitals)).toEqual([]);
  });
});
