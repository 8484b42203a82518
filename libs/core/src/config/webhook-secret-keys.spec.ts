import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';
import { webhookKeyId, webhookSecretKeys } from './webhook-secret-keys';

const STRONG_JWT = 'q7Vx2LmP9sK4wR8tY1uZ6nB3cD5fG0hJ+/aE';

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('WEBHOOK_SECRET_KEY and WEBHOOK_SECRET_KEYS_PREVIOUS', () => {
  const key = randomBytes(32);

  it('reads a 32-byte key in base64 or base64url, padded or not, as the current key', () => {
    for (const text of [
      key.toString('base64'),
      key.toString('base64url'),
      key.toString('base64').replace(/=$/, ''),
    ]) {
      const keys = loadConfig({ WEBHOOK_SECRET_KEY: text }).webhookSecretKeys;
      expect(keys.currentId).toBe(webhookKeyId(key));
      expect(keys.keys.get(keys.currentId)?.equals(key)).toBe(true);
      expect(keys.development).toBe(false);
    }
  });

  it('keeps earlier keys readable by their ids, the current one still sealing', () => {
    const old1 = randomBytes(32);
    const old2 = randomBytes(32);
    const keys = loadConfig({
      WEBHOOK_SECRET_KEY: key.toString('base64'),
      WEBHOOK_SECRET_KEYS_PREVIOUS: ` ${old1.toString('base64')} ,${old2.toString('base64url')}`,
    }).webhookSecretKeys;
    expect(keys.currentId).toBe(webhookKeyId(key));
    expect([...keys.keys.keys()].sort()).toEqual(
      [webhookKeyId(key), webhookKeyId(old1), webhookKeyId(old2)].sort(),
    );
    expect(keys.keys.get(webhookKeyId(old2))?.equals(old2)).toBe(true);
  });

  it('gives key ids that differ per key and do not show the key', () => {
    const id = webhookKeyId(key);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(webhookKeyId(randomBytes(32))).not.toBe(id);
    expect(key.toString('hex')).not.toContain(id);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['not base64', '!'.repeat(44)],
    ['a passphrase', 'correct horse battery staple, twice over!!!'],
  ])('refuses a key that is %s, with one line that does not echo it', (_what, value) => {
    for (const name of ['WEBHOOK_SECRET_KEY', 'WEBHOOK_SECRET_KEYS_PREVIOUS']) {
      const error = failure({ WEBHOOK_SECRET_KEY: key.toString('base64'), [name]: value });
      expect(error.message).toMatch(new RegExp(`^${name} must be 32 random bytes in base64`));
      expect(error.message).not.toContain(value);
      expect(error.message).not.toContain('\n');
    }
  });

  it('demands a key of its own in production; elsewhere the development key, flagged', () => {
    const error = failure({ NODE_ENV: 'production', JWT_SECRET: STRONG_JWT });
    expect(error.message).toMatch(/^NODE_ENV=production needs WEBHOOK_SECRET_KEY/);
    const development = loadConfig({}).webhookSecretKeys;
    expect(development.development).toBe(true);
    // The same in every process, so the worker opens what the API sealed.
    expect(loadConfig({ NODE_ENV: 'test' }).webhookSecretKeys.currentId).toBe(
      development.currentId,
    );
    const devKey = development.keys.get(development.currentId)!.toString('base64');
    expect(
      failure({ NODE_ENV: 'production', JWT_SECRET: STRONG_JWT, WEBHOOK_SECRET_KEY: devKey })
        .message,
    ).toMatch(/refuses the development key/);
    // As an earlier key it may stay, so rows sealed with it can be sealed again.
    const moved = webhookSecretKeys(
      { WEBHOOK_SECRET_KEY: key.toString('base64'), WEBHOOK_SECRET_KEYS_PREVIOUS: devKey },
      true,
      ConfigError,
    );
    expect(moved.keys.has(development.currentId)).toBe(true);
  });
});

describe('the webhook delivery and metrics settings', () => {
  it('defaults to a 10 s deadline, 2 deliveries per team and metrics on 127.0.0.1:3002', () => {
    expect(loadConfig({})).toMatchObject({
      webhookDeadlineMs: 10_000,
      webhookConcurrencyPerTeam: 2,
      metricsHost: '127.0.0.1',
      metricsPort: 3002,
    });
    expect(
      loadConfig({
        WEBHOOK_TIMEOUT_SECONDS: '3',
        WEBHOOK_CONCURRENCY_PER_TEAM: '5',
        METRICS_HOST: '0.0.0.0',
        METRICS_PORT: '0',
      }),
    ).toMatchObject({
      webhookDeadlineMs: 3000,
      webhookConcurrencyPerTeam: 5,
      metricsHost: '0.0.0.0',
      metricsPort: 0,
    });
  });

  it.each([
    ['WEBHOOK_TIMEOUT_SECONDS', '0'],
    ['WEBHOOK_TIMEOUT_SECONDS', '61'],
    ['WEBHOOK_CONCURRENCY_PER_TEAM', '0'],
    ['METRICS_PORT', '65536'],
    ['METRICS_HOST', 'has space'],
  ])('refuses %s=%s with one line naming it', (name, value) => {
    const error = failure({ [name]: value });
    expect(error.message).toMatch(new RegExp(`^${name} must`));
    expect(error.message).not.toContain('\n');
  });
});
