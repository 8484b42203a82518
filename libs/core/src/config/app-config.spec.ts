import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';
import { auditKeyId } from './audit-signing-config';

const STRONG = 'q7Vx2LmP9sK4wR8tY1uZ6nB3cD5fG0hJ+/aE';
const AUDIT = generateKeyPairSync('ed25519');
const AUDIT_PRIVATE = AUDIT.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const AUDIT_PUBLIC = AUDIT.publicKey.export({ type: 'spki', format: 'pem' }).toString();

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty development environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/rilon',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      host: '127.0.0.1',
      queuePrefix: 'rilon',
      webhookAllowPrivate: false,
      workerHealthPort: 3001,
      rateLimitPerMinute: 1200,
      trustProxy: [],
      streamMaxPerInstance: 1000,
      maxTransactionSeconds: 60,
    });
    expect(config.jwt.generated).toBe(true);
  });

  it.each([
    'not a url',
    'mysql://root@127.0.0.1/rilon',
    'postgres://',
    'http://127.0.0.1:5432/rilon',
  ])('refuses DATABASE_URL=%s with one line naming it', (value) => {
    const error = failure({ DATABASE_URL: value });
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('\n');
  });

  it('refuses a malformed REDIS_URL and SMTP_URL', () => {
    expect(failure({ REDIS_URL: 'localhost:6379' }).message).toContain('REDIS_URL');
    expect(failure({ SMTP_URL: 'ftp://mail' }).message).toContain('SMTP_URL');
  });

  it('refuses production without a JWT secret or key', () => {
    const error = failure({ NODE_ENV: 'production' });
    expect(error.message).toMatch(/JWT_SECRET/);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    'short-secret',
    'changeme-changeme-changeme-changeme-1234',
    'a'.repeat(40),
    `secret${STRONG}`,
  ])('refuses a weak JWT_SECRET in production: %s', (secret) => {
    expect(failure({ NODE_ENV: 'production', JWT_SECRET: secret }).message).toMatch(
      /JWT_SECRET is too weak/,
    );
  });

  it('accepts a strong JWT_SECRET in production, and a weak one outside it', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: STRONG,
      AUDIT_PUBLIC_KEYS: AUDIT_PUBLIC,
      WEBHOOK_SECRET_KEY: 'c2VhbGluZy1rZXktb2YtdGhpcy10ZXN0LTMyLWJ5dGU=',
    });
    expect(config.jwt).toMatchObject({ algorithm: 'HS256', signingKey: STRONG, generated: false });
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'dev' }).jwt.signingKey).toBe('dev');
  });

  it('refuses half a key pair and a key that is not PEM', () => {
    expect(failure({ JWT_PRIVATE_KEY: 'x' }).message).toMatch(/set together/);
    expect(failure({ JWT_PRIVATE_KEY: 'x', JWT_PUBLIC_KEY: 'y' }).message).toMatch(/PEM/);
  });

  it.each(['abc', '-1', '65536', '80.5', '3000x'])('refuses PORT=%s', (port) => {
    expect(failure({ PORT: port }).message).toMatch(/^PORT must be an integer between 0 and 65535/);
  });

  it('reads PORT and the other integers', () => {
    expect(loadConfig({ PORT: '8080', MAX_TRANSACTION_SECONDS: '5' })).toMatchObject({
      port: 8080,
      maxTransactionSeconds: 5,
    });
    expect(failure({ MAX_TRANSACTION_SECONDS: '4' }).message).toContain('MAX_TRANSACTION_SECONDS');
    expect(failure({ RATE_LIMIT_PER_MINUTE: 'lots' }).message).toContain('RATE_LIMIT_PER_MINUTE');
    expect(loadConfig({ STREAM_MAX_PER_INSTANCE: '2' }).streamMaxPerInstance).toBe(2);
    expect(failure({ STREAM_MAX_PER_INSTANCE: '0' }).message).toContain('STREAM_MAX_PER_INSTANCE');
  });

  it('reads TRUST_PROXY as a list of addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(
      loadConfig({ TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16 ,2001:db8::/32,::1' }).trustProxy,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', '2001:db8::/32', '::1']);
  });

  it.each(['true', '*', '10.0.0.0/33', '2001:db8::/129', '10.0.0.1/8/2', 'lb.internal', '1'])(
    'refuses TRUST_PROXY=%s with one line naming it',
    (value) => {
      const error = failure({ TRUST_PROXY: value });
      expect(error.message).toMatch(/^TRUST_PROXY must list IP addresses or CIDRs/);
      expect(error.message).not.toContain('\n');
    },
  );

  it.each([
    ['true', true],
    ['1', true],
    ['FALSE', false],
    ['0', false],
  ])('reads WEBHOOK_ALLOW_PRIVATE=%s', (value, expected) => {
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: value }).webhookAllowPrivate).toBe(expected);
  });

  it.each(['yes', 'on', 'maybe'])('refuses WEBHOOK_ALLOW_PRIVATE=%s', (value) => {
    expect(failure({ WEBHOOK_ALLOW_PRIVATE: value }).message).toMatch(
      /^WEBHOOK_ALLOW_PRIVATE must be true or false/,
    );
  });

  it('derives PUBLIC_URL from HOST and PORT unless it is given, and says which', () => {
    expect(loadConfig({ PORT: '3100' })).toMatchObject({
      publicUrl: 'http://127.0.0.1:3100',
      publicUrlExplicit: false,
    });
    expect(loadConfig({ HOST: '::1', PORT: '3100' }).publicUrl).toBe('http://[::1]:3100');
    expect(loadConfig({ PUBLIC_URL: 'https://portal.rilon.example/' })).toMatchObject({
      publicUrl: 'https://portal.rilon.example',
      publicUrlExplicit: true,
    });
    expect(failure({ PUBLIC_URL: 'portal.rilon.example' }).message).toContain('PUBLIC_URL');
    expect(failure({ PUBLIC_URL: 'ftp://portal.rilon.example' }).message).toContain('PUBLIC_URL');
  });

  it('keeps access tokens for 15 minutes unless ACCESS_TTL_SECONDS says otherwise', () => {
    expect(loadConfig({}).jwt.accessTtlSeconds).toBe(900);
    expect(loadConfig({ ACCESS_TTL_SECONDS: '8' }).jwt.accessTtlSeconds).toBe(8);
    expect(failure({ ACCESS_TTL_SECONDS: '4' }).message).toMatch(/ACCESS_TTL_SECONDS/);
    expect(failure({ ACCESS_TTL_SECONDS: '3601' }).message).toMatch(/ACCESS_TTL_SECONDS/);
  });

  it('resolves PORTAL_DIR against the working directory', () => {
    expect(loadConfig({}).portalDir).toBe(`${process.cwd()}/dist/portal`);
    expect(loadConfig({ PORTAL_DIR: '/srv/portal' }).portalDir).toBe('/srv/portal');
  });

  it('refuses other malformed settings with their name', () => {
    expect(failure({ NODE_ENV: 'staging' }).message).toContain('NODE_ENV');
    expect(failure({ QUEUE_PREFIX: 'has space' }).message).toContain('QUEUE_PREFIX');
    expect(failure({ MAIL_FROM: 'nobody' }).message).toContain('MAIL_FROM');
    expect(
      failure({ RILON_ADMIN_EMAIL: 'root@x.test', RILON_ADMIN_PASSWORD: 'short' }).message,
    ).toContain('RILON_ADMIN_PASSWORD');
  });

  describe('audit checkpoint keys', () => {
    it('takes the signing key in PEM (with \\n written as text) and derives its key id', () => {
      const config = loadConfig({ AUDIT_SIGNING_KEY: AUDIT_PRIVATE.replace(/\n/g, '\\n') });
      const { privateKey, keyId, publicKeys, generated } = config.auditSigning;
      expect(generated).toBe(false);
      expect(keyId).toBe(auditKeyId(AUDIT.publicKey));
      expect(keyId).toMatch(/^[0-9a-f]{16}$/);
      const signature = sign(null, Buffer.from('x'), privateKey!);
      expect(verify(null, Buffer.from('x'), publicKeys.get(keyId!)!, signature)).toBe(true);
    });

    it('verifies with public keys alone, old keys included', () => {
      const old = generateKeyPairSync('ed25519').publicKey;
      const both = AUDIT_PUBLIC + old.export({ type: 'spki', format: 'pem' }).toString();
      const config = loadConfig({ AUDIT_PUBLIC_KEYS: both });
      expect(config.auditSigning.privateKey).toBeUndefined();
      expect([...config.auditSigning.publicKeys.keys()].sort()).toEqual(
        [auditKeyId(AUDIT.publicKey), auditKeyId(old)].sort(),
      );
    });

    it('refuses production without a key, and keys that are not Ed25519 PEM', () => {
      const base = {
        NODE_ENV: 'production',
        JWT_SECRET: STRONG,
        WEBHOOK_SECRET_KEY: 'c2VhbGluZy1rZXktb2YtdGhpcy10ZXN0LTMyLWJ5dGU=',
      };
      expect(failure(base).message).toMatch(/AUDIT_SIGNING_KEY/);
      expect(failure({ AUDIT_SIGNING_KEY: 'not a key' }).message).toMatch(/Ed25519 private key/);
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
      expect(
        failure({
          AUDIT_SIGNING_KEY: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        }).message,
      ).toMatch(/Ed25519/);
      expect(failure({ AUDIT_PUBLIC_KEYS: 'nothing' }).message).toMatch(/AUDIT_PUBLIC_KEYS/);
    });

    it('makes a key for the process outside production, and bounds the interval', () => {
      expect(loadConfig({}).auditSigning).toMatchObject({ generated: true, checkpointSeconds: 60 });
      expect(failure({ AUDIT_CHECKPOINT_SECONDS: '0' }).message).toMatch(
        /AUDIT_CHECKPOINT_SECONDS/,
      );
    });

    it('migrates as MIGRATION_DATABASE_URL when given, else as DATABASE_URL', () => {
      expect(loadConfig({}).migrationDatabaseUrl).toBe(loadConfig({}).databaseUrl);
      expect(
        loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@db:5432/rilon' })
          .migrationDatabaseUrl,
      ).toBe('postgres://owner@db:5432/rilon');
    });
  });
});
