import { describe, expect, it } from 'vitest';
import { allCountryCodes, countryName, isIcaoCode } from './countries';

describe('country names', () => {
  it('names countries in English from the list the server validates against', () => {
    expect(countryName('MMR', 'en')).toBe('Myanmar');
    expect(countryName('LKA', 'en')).toBe('Sri Lanka');
  });

  it("names them in the reader's language otherwise", () => {
    const urdu = countryName('THA', 'ur');
    expect(urdu).toBe(new Intl.DisplayNames(['ur'], { type: 'region' }).of('TH'));
    expect(urdu).not.toBe('Thailand');
    expect(urdu).toMatch(/\p{Script=Arabic}/u);
    expect(countryName('DEU', 'id')).toBe('Jerman');
  });

  it('knows no name for ICAO codes or codes that are not countries', () => {
    for (const code of ['XXA', 'XXB', 'XXC', 'XXX']) {
      expect(isIcaoCode(code)).toBe(true);
      expect(countryName(code, 'en')).toBeUndefined();
    }
    expect(countryName('ZZZ', 'ur')).toBeUndefined();
    expect(isIcaoCode('THA')).toBe(false);
  });

  it('lists every ISO 3166-1 country once', () => {
    const codes = allCountryCodes();
    expect(codes.length).toBeGreaterThan(240);
    expect(new Set(codes.map((c) => c.alpha3)).size).toBe(codes.length);
    expect(codes).toContainEqual({ alpha3: 'IDN', alpha2: 'ID' });
  });
});
