import { webhookKeyId, WebhookSecretKeys } from '@rilon/core';
import { randomBytes } from 'node:crypto';
import {
  isSealedWebhookSecret,
  openWebhookSecret,
  sealWebhookSecret,
  WebhookSecretUnreadable,
} from './webhook-secret-box';

function ring(current: Buffer, ...previous: Buffer[]): WebhookSecretKeys {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...previous]) keys.set(webhookKeyId(key), key);
  return { currentId: webhookKeyId(current), keys, development: false };
}

const TEAM = '0190a8f2-0000-7000-8000-000000000001';
const OTHER_TEAM = '0190a8f2-0000-7000-8000-000000000002';
const SECRET = 'the-team-secret-0123456789';

describe('webhook secret sealing', () => {
  const key = randomBytes(32);
  const keys = ring(key);

  it('seals into the versioned format with the key id, and opens again', () => {
    const sealed = sealWebhookSecret(keys, TEAM, SECRET);
    expect(sealed).toMatch(
      new RegExp(
        `^rwk1\\.${keys.currentId}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}$`,
      ),
    );
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64url'));
    expect(isSealedWebhookSecret(sealed)).toBe(true);
    expect(openWebhookSecret(keys, TEAM, sealed)).toEqual({ secret: SECRET, stale: false });
  });

  it('uses a fresh IV each time: the same secret never seals the same way', () => {
    expect(sealWebhookSecret(keys, TEAM, SECRET)).not.toBe(sealWebhookSecret(keys, TEAM, SECRET));
  });

  it('keeps multi-byte secrets whole', () => {
    const secret = 'ключ-webhook-秘密-🔑'.repeat(8);
    expect(openWebhookSecret(keys, TEAM, sealWebhookSecret(keys, TEAM, secret)).secret).toBe(
      secret,
    );
  });

  it("refuses a sealed secret moved into another team's row", () => {
    const sealed = sealWebhookSecret(keys, TEAM, SECRET);
    expect(() => openWebhookSecret(keys, OTHER_TEAM, sealed)).toThrow(WebhookSecretUnreadable);
  });

  it('refuses an altered ciphertext, IV or tag', () => {
    const parts = sealWebhookSecret(keys, TEAM, SECRET).split('.');
    for (const index of [2, 3, 4]) {
      const altered = [...parts];
      const bytes = Buffer.from(altered[index], 'base64url');
      bytes[0] ^= 1;
      altered[index] = bytes.toString('base64url');
      expect(() => openWebhookSecret(keys, TEAM, altered.join('.'))).toThrow(
        WebhookSecretUnreadable,
      );
    }
  });

  it('opens under an earlier key after a rotation, marked stale; refuses an unknown key id', () => {
    const sealedBefore = sealWebhookSecret(keys, TEAM, SECRET);
    const rotated = ring(randomBytes(32), key);
    expect(openWebhookSecret(rotated, TEAM, sealedBefore)).toEqual({ secret: SECRET, stale: true });
    const forgotten = ring(randomBytes(32));
    expect(() => openWebhookSecret(forgotten, TEAM, sealedBefore)).toThrow(
      new RegExp(`key id ${keys.currentId}`),
    );
  });

  it('reads a value not in the sealed format as a legacy plain-text secret, marked stale', () => {
    expect(openWebhookSecret(keys, TEAM, SECRET)).toEqual({ secret: SECRET, stale: true });
    expect(isSealedWebhookSecret(SECRET)).toBe(false);
  });
});
