import type { WebhookSecretKeys } from '@rilon/core';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * How a team's webhook secret is stored: `rwk1.<key id>.<iv>.<ciphertext>.<tag>`, the last
 * three base64url. AES-256-GCM with a random 96-bit IV per sealing; the team id is
 * authenticated with it, so a sealed secret copied into another team's row does not open.
 * The key id names the key of WEBHOOK_SECRET_KEY (or an earlier one) that sealed it, so
 * keys can be rotated while old rows are still readable.
 */
const VERSION = 'rwk1';
const SEALED = /^rwk1\.([0-9a-f]{16})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/;

/** A stored secret that cannot be opened: an unknown key id, or altered or misplaced. */
export class WebhookSecretUnreadable extends Error {}

export interface OpenedSecret {
  secret: string;
  /**
   * Stored in plain text (a row from before sealing, read as legacy) or sealed with an
   * earlier key: the API seals it again under the current key at start.
   */
  stale: boolean;
}

function associatedData(teamId: string): Buffer {
  return Buffer.from(`team_webhooks.secret:${teamId}`, 'utf8');
}

/** Seals `secret` for `teamId` under the current key. */
export function sealWebhookSecret(keys: WebhookSecretKeys, teamId: string, secret: string): string {
  const key = keys.keys.get(keys.currentId);
  if (!key) throw new Error('the current webhook secret key is missing from the key ring');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(teamId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keys.currentId, iv, ciphertext, tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** True when `stored` is in the sealed format (whatever key sealed it). */
export function isSealedWebhookSecret(stored: string): boolean {
  return SEALED.test(stored);
}

/**
 * Opens what `team_webhooks.secret` holds. A value not in the sealed format is a legacy
 * plain-text row (written before secrets were sealed; a migration could not seal them, not
 * knowing the key) and is answered as it is, marked stale.
 */
export function openWebhookSecret(
  keys: WebhookSecretKeys,
  teamId: string,
  stored: string,
): OpenedSecret {
  const match = SEALED.exec(stored);
  if (!match) return { secret: stored, stale: true };
  const [, keyId, iv, ciphertext, tag] = match;
  const key = keys.keys.get(keyId);
  if (!key) {
    throw new WebhookSecretUnreadable(
      `the webhook secret is sealed with key id ${keyId}, which is neither WEBHOOK_SECRET_KEY nor in WEBHOOK_SECRET_KEYS_PREVIOUS`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(associatedData(teamId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const secret = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
    return { secret, stale: keyId !== keys.currentId };
  } catch {
    throw new WebhookSecretUnreadable(
      `the webhook secret sealed with key id ${keyId} does not open: altered, or another team's`,
    );
  }
}
