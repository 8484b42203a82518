import { describe, expect, it } from 'vitest';
import { checkNewPassword, passwordStrength } from './password-strength';

describe('password strength', () => {
  it('calls anything under 12 characters too short', () => {
    expect(passwordStrength('')).toBe(0);
    expect(passwordStrength('Xy7#kL9!pQ2')).toBe(0);
  });

  it('marks repeats, runs and well-known passwords weak', () => {
    expect(passwordStrength('aaaaaaaaaaaa')).toBe(1);
    expect(passwordStrength('abcdefghijkl')).toBe(1);
    expect(passwordStrength('123456789012')).toBe(1);
    expect(passwordStrength('Password1234')).toBeLessThanOrEqual(1);
  });

  it('rates long passphrases and varied passwords higher', () => {
    expect(passwordStrength('tiger lamp river')).toBeGreaterThanOrEqual(3);
    expect(passwordStrength('correct horse battery staple')).toBe(4);
    expect(passwordStrength('Xy7#kL9!pQ2m')).toBeGreaterThanOrEqual(3);
    expect(passwordStrength('mangosteenkite')).toBeGreaterThanOrEqual(2);
  });
});

describe('new password checks', () => {
  it('asks for a password of 12 to 256 characters', () => {
    expect(checkNewPassword('', '')).toEqual({ password: 'required' });
    expect(checkNewPassword('short', 'short')).toEqual({ password: 'tooShort' });
    expect(checkNewPassword('x'.repeat(257), 'x'.repeat(257))).toEqual({ password: 'tooLong' });
  });

  it('asks for the same password twice', () => {
    expect(checkNewPassword('a long passphrase', 'a long passphrasE')).toEqual({
      confirmation: 'mismatch',
    });
    expect(checkNewPassword('a long passphrase', 'a long passphrase')).toEqual({});
  });
});
