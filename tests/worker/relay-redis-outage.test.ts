import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { startApi, startWorker, TestApi, waitFor, jobIdOf } from '../support/harness';
import { TestSmtp } from '../support/smtp';
import { commitInvitation, header } from './mail-helpers';
import { PrivateRedis } from './private-redis';

describe('the relay while Redis is down', () => {
  let redis: PrivateRedis;
  let smtp: TestSmtp;
  let api: TestApi;
  let worker: RunningWorker;

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    await redis.start();
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    api = await startApi({
      REDIS_URL: redis.url,
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'rilon@rilon.test',
    });
    worker = await startWorker(api);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.stop();
    await redis?.stop();
  }, 60_000);

  it('keeps events waiting in PostgreSQL and relays them once Redis is back', async () => {
    const before = await commitInvitation(api, 'first@partner.test');
    await waitFor(() => smtp.to('first@partner.test').length > 0, 15_000, 'the mail before');

    await redis.stop();
    const ids = [
      await commitInvitation(api, 'w1@partner.test'),
      await commitInvitation(api, 'w2@partner.test'),
      await commitInvitation(api, 'w3@partner.test'),
    ];
    const relay = worker.app.get(OutboxRelay);
    await waitFor(() => relay.paused, 15_000, 'the relay to notice the outage');
    const waiting: Array<{ n: number }> = await api.db.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE id = ANY($1::bigint[]) AND relayed_at IS NULL',
      [ids],
    );
    expect(waiting[0].n).toBe(3);

    // The API keeps serving: readiness reports Redis down, the scrape answers without queues.
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ postgres: 'up', redis: 'down' });
    const metrics = await api.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^rilon_queue_redis_up 0$/m);
    expect(metrics.text).not.toMatch(/^rilon_queue_jobs\{/m);
    expect(metrics.text).toMatch(/^rilon_outbox_pending_events 3$/m);

    await redis.start();
    for (const [i, id] of ids.entries()) {
      const [mail] = await waitFor(
        () => smtp.to(`w${i + 1}@partner.test`).length > 0 && smtp.to(`w${i + 1}@partner.test`),
        60_000,
        `mail ${i + 1} after the outage`,
      );
      expect(header(mail, 'Message-ID')).toBe(`<${await jobIdOf(api, id)}@rilon.test>`);
    }
    await waitFor(() => !relay.paused, 10_000, 'the relay to resume');
    expect(smtp.to('first@partner.test')).toHaveLength(1);
    expect(before).toBeTruthy();
  });

  it('starts and serves an API while Redis is down', async () => {
    await redis.stop();
    const second = await startApi({ REDIS_URL: redis.url });
    try {
      const ready = await second.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ postgres: 'up', redis: 'down' });
      const metrics = await second.get('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).toMatch(/^rilon_queue_redis_up 0$/m);
      const dashboard = await second.get('/admin/queues');
      expect(dashboard.status).toBe(401);
    } finally {
      await second.close();
      await redis.start();
    }
  }, 60_000);
});
