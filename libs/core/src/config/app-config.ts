import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { WebhookSecretKeys, webhookSecretKeys } from './webhook-secret-keys';
import { AuditSigningConfig, auditSigningConfig } from './audit-signing-config';

/** Token signing material, resolved once at start. */
export interface JwtConfig {
  algorithm: 'HS256' | 'RS256' | 'ES256';
  signingKey: string;
  verifyKey: string;
  issuer: string;
  audience: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  generated: boolean;
  /**
   * The `kid` of the tokens this key signs: derived from the verification key (a one-way
   * digest, so a secret is not exposed), so a token naming any other key is refused.
   */
  keyId: string;
}

/** The whole configuration of both processes, typed and validated at start. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  databaseUrl: string;
  redisUrl: string;
  port: number;
  host: string;
  publicUrl: string;
  /**
   * PUBLIC_URL was given. Otherwise publicUrl is derived from HOST and PORT, and the API
   * takes its own origin from the address it actually listens on (PORT=0 picks one).
   */
  publicUrlExplicit: boolean;
  /** The built web portal (index.html and assets/) that the API serves under `/`. */
  portalDir: string;
  admin: { email?: string; password?: string; memberCode: string };
  jwt: JwtConfig;
  smtpUrl: string;
  mailFrom: string;
  queuePrefix: string;
  webhookAllowPrivate: boolean;
  /** Overall deadline of one webhook delivery (connecting, headers and body together), in ms. */
  webhookDeadlineMs: number;
  /** Deliveries to one team's webhook in flight at once, all worker processes together. */
  webhookConcurrencyPerTeam: number;
  /** The AES-256-GCM keys that seal webhook secrets at rest. */
  webhookSecretKeys: WebhookSecretKeys;
  /** The API's Prometheus listener, apart from the API port (METRICS_HOST, METRICS_PORT). */
  metricsHost: string;
  metricsPort: number;
  workerHealthPort: number;
  rateLimitPerMinute: number;
  /**
   * Addresses and CIDRs of the proxies (load balancers) in front of the API: only from
   * these is X-Forwarded-For believed, for the client address of throttling and audit.
   */
  trustProxy: string[];
  /** Live streams this API instance holds at most, all users together (503 beyond). */
  streamMaxPerInstance: number;
  logLevel: string;
  /** Longest a transaction may stay open; the audit sealer treats older gaps as rollbacks. */
  maxTransactionSeconds: number;
  /** The audit checkpoints' Ed25519 keys (AUDIT_SIGNING_KEY, AUDIT_PUBLIC_KEYS). */
  auditSigning: AuditSigningConfig;
  /** The schema owner's connection for migrations (MIGRATION_DATABASE_URL, else DATABASE_URL). */
  migrationDatabaseUrl: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Thrown with one line that says what to fix. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL; expected e.g. ${fallback}`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) {
    throw new ConfigError(`${name} has no host; expected e.g. ${fallback}`);
  }
  return raw;
}

/** A host as it stands in a URL: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function bool(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

/** A comma-separated list of IP addresses and CIDRs (`10.0.0.0/8`, `2001:db8::/32`). */
function addressList(env: Env, name: string): string[] {
  const items = (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items) {
    const [address, bits, extra] = item.split('/');
    const version = isIP(address);
    const max = version === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (version === 0 || !validBits || extra !== undefined) {
      throw new ConfigError(
        `${name} must list IP addresses or CIDRs, comma-separated, e.g. 10.0.0.5,10.1.0.0/16 (got "${item}")`,
      );
    }
  }
  return items;
}

/** An address or host name to listen on. */
function listenHost(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!isIP(raw) && !/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$/.test(raw)) {
    throw new ConfigError(`${name} must be an IP address or a host name (got "${raw}")`);
  }
  return raw;
}

const WEAK_SECRETS = /^(secret|changeme|password|jwt[-_]?secret|test|dev)/i;

function jwtConfig(env: Env, production: boolean): JwtConfig {
  const config = jwtKeys(env, production);
  const keyId = createHash('sha256')
    .update(`rilon-jwt-kid\n${config.verifyKey}`)
    .digest('base64url')
    .slice(0, 16);
  return { ...config, keyId };
}

function jwtKeys(env: Env, production: boolean): Omit<JwtConfig, 'keyId'> {
  const base = {
    issuer: env.JWT_ISSUER || 'rilon-portal',
    audience: env.JWT_AUDIENCE || 'rilon-api',
    // 15 minutes (docs/api-contract.md, "Authentication"); shorter only to watch refreshes happen in tests.
    accessTtlSeconds: int(env, 'ACCESS_TTL_SECONDS', 15 * 60, 5, 3600),
    refreshTtlSeconds: int(env, 'REFRESH_TTL_DAYS', 14, 1, 90) * 86400,
  };
  const privateKey = env.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n');
  const publicKey = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n');
  if (privateKey || publicKey) {
    if (!privateKey || !publicKey) {
      throw new ConfigError('JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be set together (PEM)');
    }
    let type: string | undefined;
    let bits: number;
    try {
      const key = createPublicKey(publicKey);
      type = key.asymmetricKeyType;
      bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    } catch {
      throw new ConfigError('JWT_PUBLIC_KEY is not a PEM public key');
    }
    if (type === 'rsa' && bits >= 2048) {
      return {
        ...base,
        algorithm: 'RS256',
        signingKey: privateKey,
        verifyKey: publicKey,
        generated: false,
      };
    }
    if (type === 'ec') {
      return {
        ...base,
        algorithm: 'ES256',
        signingKey: privateKey,
        verifyKey: publicKey,
        generated: false,
      };
    }
    throw new ConfigError(
      'JWT_PUBLIC_KEY must be an RSA key of at least 2048 bits or a P-256 EC key',
    );
  }
  const secret = env.JWT_SECRET;
  if (secret) {
    if (
      production &&
      (secret.length < 32 || WEAK_SECRETS.test(secret) || new Set(secret).size < 10)
    ) {
      throw new ConfigError(
        'JWT_SECRET is too weak for NODE_ENV=production: use at least 32 random characters (e.g. `openssl rand -base64 48`)',
      );
    }
    return { ...base, algorithm: 'HS256', signingKey: secret, verifyKey: secret, generated: false };
  }
  if (production) {
    throw new ConfigError(
      'NODE_ENV=production needs JWT_SECRET (32+ random characters) or JWT_PRIVATE_KEY/JWT_PUBLIC_KEY',
    );
  }
  const generated = randomBytes(48).toString('base64');
  return {
    ...base,
    algorithm: 'HS256',
    signingKey: generated,
    verifyKey: generated,
    generated: true,
  };
}

/** Reads and validates the environment; throws ConfigError with one line on the first problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV || 'development') as AppConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, test or production (got "${nodeEnv}")`);
  }
  const production = nodeEnv === 'production';
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const adminEmail = env.RILON_ADMIN_EMAIL || undefined;
  const adminPassword = env.RILON_ADMIN_PASSWORD || undefined;
  if (adminEmail && (!adminPassword || adminPassword.length < 12)) {
    throw new ConfigError(
      'RILON_ADMIN_PASSWORD must be set with at least 12 characters when RILON_ADMIN_EMAIL is set',
    );
  }
  const mailFrom = env.MAIL_FROM || 'rilon@localhost';
  if (!/^[^\s@]+@[^\s@]+$/.test(mailFrom.replace(/^.*<(.+)>\s*$/, '$1'))) {
    throw new ConfigError(`MAIL_FROM must be an e-mail address (got "${mailFrom}")`);
  }
  const queuePrefix = env.QUEUE_PREFIX || 'rilon';
  if (!/^[A-Za-z0-9_{}.-]{1,64}$/.test(queuePrefix)) {
    throw new ConfigError(
      'QUEUE_PREFIX may hold letters, digits, _ . - { } only (1-64 characters)',
    );
  }
  const databaseUrl = url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/rilon', [
    'postgres:',
    'postgresql:',
  ]);
  return {
    nodeEnv,
    databaseUrl,
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    port,
    host,
    publicUrl: url(env, 'PUBLIC_URL', `http://${urlHost(host)}:${port}`, [
      'http:',
      'https:',
    ]).replace(/\/$/, ''),
    publicUrlExplicit: Boolean(env.PUBLIC_URL),
    // Relative to the working directory, like the other paths the processes are started with.
    portalDir: resolve(env.PORTAL_DIR || 'dist/portal'),
    admin: {
      email: adminEmail,
      password: adminPassword,
      memberCode: env.RILON_ADMIN_MEMBER || 'AUS',
    },
    jwt: jwtConfig(env, production),
    smtpUrl: url(env, 'SMTP_URL', 'smtp://127.0.0.1:1025', ['smtp:', 'smtps:']),
    mailFrom,
    queuePrefix,
    webhookAllowPrivate: bool(env, 'WEBHOOK_ALLOW_PRIVATE'),
    webhookDeadlineMs: int(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 1, 60) * 1000,
    webhookConcurrencyPerTeam: int(env, 'WEBHOOK_CONCURRENCY_PER_TEAM', 2, 1, 32),
    webhookSecretKeys: webhookSecretKeys(env, production, ConfigError),
    metricsHost: listenHost(env, 'METRICS_HOST', '127.0.0.1'),
    metricsPort: int(env, 'METRICS_PORT', 3002, 0, 65535),
    workerHealthPort: int(env, 'WORKER_HEALTH_PORT', 3001, 0, 65535),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    trustProxy: addressList(env, 'TRUST_PROXY'),
    streamMaxPerInstance: int(env, 'STREAM_MAX_PER_INSTANCE', 1000, 1, 1_000_000),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info'),
    maxTransactionSeconds: int(env, 'MAX_TRANSACTION_SECONDS', 60, 5, 3600),
    auditSigning: auditSigningConfig(
      env,
      production,
      int(env, 'AUDIT_CHECKPOINT_SECONDS', 60, 1, 3600),
      ConfigError,
    ),
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL
      ? url(env, 'MIGRATION_DATABASE_URL', '', ['postgres:', 'postgresql:'])
      : databaseUrl,
  };
}
