import { describe, expect, it } from 'vitest';
import { generateSecret, secretProblem, toBase64Url, urlProblem } from './secret';

describe('webhook secrets', () => {
  it('encodes bytes as base64url without padding', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(toBase64Url(new Uint8Array([1]))).toBe('AQ');
  });

  it('makes 43 characters from 32 random bytes, different each time', () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('asks the random source for exactly 32 bytes', () => {
    let asked = 0;
    generateSecret((bytes) => {
      asked = bytes.length;
    });
    expect(asked).toBe(32);
  });

  it('refuses typed secrets shorter than 16 characters', () => {
    expect(secretProblem('')).toBe('webhook.secretRequired');
    expect(secretProblem('x'.repeat(15))).toBe('webhook.secretShort');
    expect(secretProblem('x'.repeat(16))).toBeNull();
    expect(secretProblem('x'.repeat(257))).toBe('webhook.secretLong');
  });

  it('checks the URL as the server would', () => {
    expect(urlProblem('')).toBe('webhook.urlRequired');
    expect(urlProblem('hooks.example.org')).toBe('webhook.urlInvalid');
    expect(urlProblem('ftp://hooks.example.org')).toBe('webhook.urlInvalid');
    expect(urlProblem('https://u:p@hooks.example.org')).toBe('webhook.urlCredentials');
    expect(urlProblem(' https://hooks.example.org/rilon ')).toBeNull();
  });
});
