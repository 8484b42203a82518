import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
} from 'node:crypto';

/** The Ed25519 keys of the audit checkpoints. */
export interface AuditSigningConfig {
  /** The sealer's (worker's) signing key; absent in an API given the public keys only. */
  privateKey?: KeyObject;
  /** The key id of `privateKey`. */
  keyId?: string;
  /** Every key a checkpoint may be signed with, by key id: the signing key's and earlier ones. */
  publicKeys: ReadonlyMap<string, KeyObject>;
  /** A checkpoint is signed at least this often while the log grows. */
  checkpointSeconds: number;
  /** No key was configured (development and tests only): a pair made for this process. */
  generated: boolean;
}

type Env = Record<string, string | undefined>;

/** Thrown by loadConfig with one line saying what to fix (the shared ConfigError). */
type ConfigErrorClass = new (message: string) => Error;

const HOW_TO =
  'make one with `openssl genpkey -algorithm ed25519` (private) and `openssl pkey -pubout` (public)';

/** A key id anyone can recompute from the public key: the first 16 hex digits of SHA-256(SPKI DER). */
export function auditKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** PEM blocks of one kind from a variable that may hold several, with `\n` written as text. */
function pemBlocks(raw: string, label: string): string[] {
  const text = raw.replace(/\\n/g, '\n');
  const pattern = new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`, 'g');
  return text.match(pattern) ?? [];
}

/**
 * AUDIT_SIGNING_KEY (an Ed25519 private key, PEM) signs checkpoints in the worker;
 * AUDIT_PUBLIC_KEYS (Ed25519 public keys, PEM, one or more) lets an API verify without the
 * private key and keeps keys retired by a rotation valid for the checkpoints they signed.
 * Production needs at least one of them; elsewhere a missing key is made for the process.
 */
export function auditSigningConfig(
  env: Env,
  production: boolean,
  checkpointSeconds: number,
  ConfigError: ConfigErrorClass,
): AuditSigningConfig {
  const publicKeys = new Map<string, KeyObject>();
  let privateKey: KeyObject | undefined;
  let keyId: string | undefined;
  if (env.AUDIT_SIGNING_KEY) {
    const [pem, extra] = pemBlocks(env.AUDIT_SIGNING_KEY, 'PRIVATE KEY');
    try {
      if (!pem || extra) throw new Error('not one PEM private key');
      privateKey = createPrivateKey(pem);
    } catch {
      throw new ConfigError(`AUDIT_SIGNING_KEY must be one Ed25519 private key in PEM; ${HOW_TO}`);
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new ConfigError(`AUDIT_SIGNING_KEY must be an Ed25519 key; ${HOW_TO}`);
    }
    const publicKey = createPublicKey(privateKey);
    keyId = auditKeyId(publicKey);
    publicKeys.set(keyId, publicKey);
  }
  if (env.AUDIT_PUBLIC_KEYS) {
    const blocks = pemBlocks(env.AUDIT_PUBLIC_KEYS, 'PUBLIC KEY');
    if (blocks.length === 0) {
      throw new ConfigError(`AUDIT_PUBLIC_KEYS must hold Ed25519 public keys in PEM; ${HOW_TO}`);
    }
    for (const pem of blocks) {
      let key: KeyObject;
      try {
        key = createPublicKey(pem);
      } catch {
        throw new ConfigError(`AUDIT_PUBLIC_KEYS holds a key that is not a PEM public key`);
      }
      if (key.asymmetricKeyType !== 'ed25519') {
        throw new ConfigError(`AUDIT_PUBLIC_KEYS must hold Ed25519 keys only; ${HOW_TO}`);
      }
      publicKeys.set(auditKeyId(key), key);
    }
  }
  if (publicKeys.size > 0) {
    return { privateKey, keyId, publicKeys, checkpointSeconds, generated: false };
  }
  if (production) {
    throw new ConfigError(
      `NODE_ENV=production needs AUDIT_SIGNING_KEY (the worker) or AUDIT_PUBLIC_KEYS (an API that only verifies); ${HOW_TO}`,
    );
  }
  const pair = generateKeyPairSync('ed25519');
  const generatedId = auditKeyId(pair.publicKey);
  return {
    privateKey: pair.privateKey,
    keyId: generatedId,
    publicKeys: new Map([[generatedId, pair.publicKey]]),
    checkpointSeconds,
    generated: true,
  };
}
