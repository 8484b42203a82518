import { createHash } from 'node:crypto';

/** The AES-256-GCM keys that seal team webhook secrets in the database. */
export interface WebhookSecretKeys {
  /** The key id new secrets are sealed with. */
  currentId: string;
  /** Every key a stored secret may be sealed with, by key id: the current one and earlier ones. */
  keys: ReadonlyMap<string, Buffer>;
  /**
   * No WEBHOOK_SECRET_KEY was given (development and tests only): the published development
   * key is in use, so the sealing protects nothing. Production refuses to start this way.
   */
  development: boolean;
}

type Env = Record<string, string | undefined>;

/** Thrown by loadConfig with one line saying what to fix (the shared ConfigError). */
type ConfigErrorClass = new (message: string) => Error;

/**
 * The development key: 32 bytes anyone can read here. API and worker are separate
 * processes, so a key generated per process (as for JWT_SECRET) would leave the worker
 * unable to open what the API sealed; a fixed one lets `npm run start:*` work without
 * setup. Production refuses it as the current key.
 */
const DEVELOPMENT_KEY = createHash('sha256').update('rilon development webhook key').digest();

const HOW_TO = 'make one with `openssl rand -base64 32`';

/**
 * A key id anyone holding the key can recompute, and that says nothing about the key:
 * the first 16 hex digits of SHA-256 over a label and the key.
 */
export function webhookKeyId(key: Buffer): string {
  return createHash('sha256')
    .update('rilon webhook secret key id\0')
    .update(key)
    .digest('hex')
    .slice(0, 16);
}

function decodeKey(name: string, raw: string, ConfigError: ConfigErrorClass): Buffer {
  const text = raw.trim();
  // Standard or URL-safe base64, padded or not: exactly 32 bytes.
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    throw new ConfigError(`${name} must be 32 random bytes in base64 (${HOW_TO})`);
  }
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) {
    throw new ConfigError(`${name} must be 32 random bytes in base64 (${HOW_TO})`);
  }
  return key;
}

/**
 * WEBHOOK_SECRET_KEY seals new webhook secrets; WEBHOOK_SECRET_KEYS_PREVIOUS (comma-
 * separated) keeps earlier keys readable after a rotation, until the API has sealed every
 * row again under the current key (it does so at start). Production needs a key of its own.
 */
export function webhookSecretKeys(
  env: Env,
  production: boolean,
  ConfigError: ConfigErrorClass,
): WebhookSecretKeys {
  const keys = new Map<string, Buffer>();
  const given = env.WEBHOOK_SECRET_KEY?.trim();
  if (!given && production) {
    throw new ConfigError(
      `NODE_ENV=production needs WEBHOOK_SECRET_KEY, 32 random bytes in base64 (${HOW_TO})`,
    );
  }
  const current = given ? decodeKey('WEBHOOK_SECRET_KEY', given, ConfigError) : DEVELOPMENT_KEY;
  const currentId = webhookKeyId(current);
  keys.set(currentId, current);
  const previous = (env.WEBHOOK_SECRET_KEYS_PREVIOUS ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const raw of previous) {
    const key = decodeKey('WEBHOOK_SECRET_KEYS_PREVIOUS', raw, ConfigError);
    keys.set(webhookKeyId(key), key);
  }
  // As an earlier key it only opens what it sealed, so a move to production can re-seal that.
  if (production && current.equals(DEVELOPMENT_KEY)) {
    throw new ConfigError(
      `NODE_ENV=production refuses the development key as WEBHOOK_SECRET_KEY; ${HOW_TO}`,
    );
  }
  return { currentId, keys, development: !given };
}
