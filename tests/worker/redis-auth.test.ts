import { ConfigError } from '@rilon/core';
import { Redis } from 'ioredis';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker, RunningWorker } from '../../apps/worker/src/create-worker';
import { SseReader } from '../notifications/notify-helpers';
import { createCast, Factory } from '../support/factories';
import {
  createTestDatabase,
  startApi,
  startWorker,
  TestApi,
  testConfig,
  waitFor,
} from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { commitInvitation } from './mail-helpers';
import { PrivateRedis } from './private-redis';

jest.setTimeout(90_000);

/** Characters a URL must percent-encode, so that every client decodes the credentials. */
const PASSWORD = 'p@ss:w/rd #1';
const USER = { name: 'rilon-app', password: 's3cret/:@?' };

/**
 * Hole 1.2: Redis runs with a password (docker/compose.yml), and every Redis client of
 * both apps (BullMQ queues and workers, the shared client for throttling, rate limits and
 * stream slots, the live-stream subscriber) takes the credentials from REDIS_URL.
 */
describe('Redis with a password, from REDIS_URL', () => {
  let redis: PrivateRedis;
  let smtp: TestSmtp;
  let admin: Redis;

  beforeAll(async () => {
    redis = await PrivateRedis.create({ password: PASSWORD, users: [USER] });
    await redis.start();
    admin = new Redis(redis.url, { lazyConnect: true });
    await admin.connect();
    smtp = new TestSmtp();
    await smtp.start();
  });
  afterAll(async () => {
    admin?.disconnect();
    await smtp?.stop();
    await redis?.stop();
  });

  const keysOf = async (prefix: string, pattern: string): Promise<string[]> =>
    admin.keys(`${prefix}:${pattern}`);

  async function workerReady(worker: RunningWorker): Promise<unknown> {
    const res = await fetch(`http://127.0.0.1:${worker.healthPort}/health/ready`);
    return res.json();
  }

  describe('the default user and its password (redis://:password@host)', () => {
    let api: TestApi;
    let worker: RunningWorker;
    const readers: SseReader[] = [];

    beforeAll(async () => {
      api = await startApi({ REDIS_URL: redis.url, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
      worker = await startWorker(api);
    });
    afterAll(async () => {
      await Promise.all(readers.map((r) => r.close()));
      await worker?.close();
      await api?.close();
    });

    it('both apps report Redis up', async () => {
      expect((await api.get('/health/ready')).body).toMatchObject({ redis: 'up' });
      expect(await workerReady(worker)).toMatchObject({ redis: 'up' });
    });

    it('queues, throttling, rate limits, stream slots and pub/sub all work through it', async () => {
      const prefix = api.config.queuePrefix;
      // BullMQ: the relay's producer queues and the e-mail worker.
      await commitInvitation(api, 'through-auth@partner.test');
      await waitFor(() => smtp.to('through-auth@partner.test').length > 0, 20_000, 'the mail');
      expect(await keysOf(prefix, 'email:*')).not.toEqual([]);

      // The shared client: a failed sign-in is counted in Redis, a signed-in call too.
      const cast = await createCast(new Factory(api));
      const failed = await api.post('/auth/login', {
        email: cast.officer.email,
        password: 'not the password at all',
      });
      expect(failed.status).toBe(401);
      const counters = await keysOf(prefix, 'login-fail:*');
      expect(counters.length).toBeGreaterThanOrEqual(2);
      expect(await Promise.all(counters.map((k) => admin.get(k)))).toContain('1');
      expect((await api.get('/me', { token: cast.officer.token })).status).toBe(200);
      expect(await keysOf(prefix, `rate:${cast.officer.id}:*`)).toHaveLength(1);

      // A live stream: its slot is a lease in Redis, and a change made by the worker's
      // fan-out reaches it through pub/sub (well before the stream's own 15 s re-check).
      const sse = new SseReader();
      readers.push(sse);
      await sse.open(`${api.baseUrl}/api/v1/notifications/stream`, cast.officer.token);
      expect(sse.status).toBe(200);
      await waitFor(() => sse.comments.includes('connected'), 5000, 'the stream to open');
      expect(await keysOf(prefix, `live:streams:${cast.officer.id}`)).toHaveLength(1);
      const numsub = (await admin.pubsub('NUMSUB', `${prefix}:notifications:new`)) as [
        string,
        number,
      ];
      expect(Number(numsub[1])).toBe(1);
      const changed = await api.put(
        `/teams/${cast.teamA.id}/members/${cast.officer.id}`,
        { role: 'observer' },
        { token: cast.lead.token },
      );
      expect(changed.status).toBe(200);
      const started = Date.now();
      await waitFor(
        () => sse.events.some((e) => e.event === 'notification'),
        10_000,
        'the notification on the stream',
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });

  it('an ACL user and its password (redis://user:password@host) work as well', async () => {
    const api = await startApi({
      REDIS_URL: redis.urlAs(USER.name, USER.password),
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    });
    const worker = await startWorker(api);
    try {
      expect((await api.get('/health/ready')).body).toMatchObject({ redis: 'up' });
      expect(await workerReady(worker)).toMatchObject({ redis: 'up' });
      await commitInvitation(api, 'acl-user@partner.test');
      await waitFor(() => smtp.to('acl-user@partner.test').length > 0, 20_000, 'the mail');
      const clients = await admin.client('LIST');
      expect(String(clients)).toContain(`user=${USER.name}`);
    } finally {
      await worker.close();
      await api.close();
    }
  });

  it('a wrong or missing password stops both apps at start, with one line naming REDIS_URL', async () => {
    const database = await createTestDatabase();
    try {
      for (const url of [
        redis.urlAs('', 'not-the-password'),
        redis.urlAs(USER.name, 'wrong'),
        `redis://127.0.0.1:${redis.port}`,
      ]) {
        const config = testConfig(database, { REDIS_URL: url });
        for (const start of [() => createApp(config), () => createWorker(config, 0)]) {
          const error = await start().then(
            async (started: { close(): Promise<void> }) => {
              await started.close();
              return new Error('it started');
            },
            (e: unknown) => e as Error,
          );
          expect(error).toBeInstanceOf(ConfigError);
          expect(error.message).toMatch(/^REDIS_URL: Redis at 127\.0\.0\.1:\d+ refused /);
          expect(error.message).toMatch(/WRONGPASS|NOAUTH/);
          expect(error.message).not.toContain('\n');
          expect(error.message).not.toContain('not-the-password');
          expect(error.message).not.toContain('wrong@');
        }
      }
    } finally {
      await database.drop();
    }
  });
});
