import { bullConnection, QUEUES } from '@rilon/core';
import { Queue } from 'bullmq';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

describe('the queue dashboard and the queue metrics', () => {
  let api: TestApi;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
  }, 60_000);
  afterAll(() => api.close(), 30_000);

  it('refuses anonymous callers and bad tokens with 401 problem+json', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const anonymous = await api.get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      expect(anonymous.body).toMatchObject({ status: 401, type: '/problems/unauthorized' });
    }
    const forged = await api.get('/admin/queues', { token: `${cast.admin.token}x` });
    expect(forged.status).toBe(401);
    const suspended = await api.get('/admin/queues', { token: cast.suspended.token });
    expect(suspended.status).toBe(401);
  });

  it('refuses every signed-in role but admin with 403, and audits the refusal', async () => {
    const others = [cast.observer, cast.officer, cast.lead, cast.otherLead, cast.auditor];
    for (const user of others) {
      const res = await api.get('/admin/queues/api/queues', { token: user.token });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const rows: Array<{ actor_id: string; outcome: string }> = await api.db.query(
      `SELECT actor_id, outcome FROM audit_events WHERE action = 'queues.view.denied'`,
    );
    expect(rows.map((r) => r.actor_id).sort()).toEqual(others.map((u) => u.id).sort());
    expect(rows.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it('shows administrators the dashboard over every queue', async () => {
    const page = await api.get('/admin/queues', { token: cast.admin.token });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const queues = await api.get('/admin/queues/api/queues', { token: cast.admin.token });
    expect(queues.status).toBe(200);
    const names = (queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual(['digest', 'email', 'fanout', 'webhook']);
  });

  it('is read-only: adding, retrying, cleaning and editing jobs are refused; nothing changes', async () => {
    const queue = new Queue(QUEUES.digest, {
      connection: bullConnection(api.config.redisUrl),
      prefix: api.config.queuePrefix,
    });
    try {
      const job = await queue.add(
        'digest.zone',
        { zone: 'UTC', day: '2026-01-01' },
        {
          jobId: 'read-only-probe',
        },
      );
      const before = await queue.getJobCounts();
      const base = '/admin/queues/api/queues';
      const attempts: Array<[string, string, unknown?]> = [
        ['POST', `${base}/digest/add`, { name: 'digest.zone', data: { zone: 'UTC' } }],
        ['PUT', `${base}/digest/retry/failed`],
        ['PUT', `${base}/digest/clean/completed`],
        ['PATCH', `${base}/digest/${job.id}/update-data`, { data: { zone: 'Evil/Zone' } }],
        ['PUT', `${base}/digest/${job.id}/retry`],
        ['PUT', `${base}/digest/${job.id}/clean`],
        ['PUT', `${base}/digest/${job.id}/promote`],
        ['PUT', `${base}/digest/empty`],
        ['PUT', `${base}/digest/pause`],
        ['PUT', `${base}/pause`],
        ['PUT', `${base}/digest/obliterate`],
      ];
      const denials = async (): Promise<number> => {
        const rows: Array<{ n: number }> = await api.db.query(
          `SELECT count(*)::int AS n FROM audit_events
            WHERE action = 'queues.manage.denied' AND actor_id = $1 AND outcome = 'denied'`,
          [cast.admin.id],
        );
        return rows[0].n;
      };
      const denied = await denials();
      for (const [method, path, json] of attempts) {
        const res = await api.call(method, path, { token: cast.admin.token, json });
        expect([method, path, res.status]).toEqual([method, path, 405]);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.headers.get('allow')).toBe('GET, HEAD');
        expect(res.body).toMatchObject({ status: 405, type: '/problems/method-not-allowed' });
      }
      expect(await denials()).toBe(denied + attempts.length);
      expect(await queue.getJobCounts()).toEqual(before);
      expect((await queue.getJob('read-only-probe'))?.data).toEqual({
        zone: 'UTC',
        day: '2026-01-01',
      });
      expect(await queue.isPaused()).toBe(false);
      // Bull Board itself is told too, so its pages offer no actions.
      const listed = await api.get(`${base}`, { token: cast.admin.token });
      expect(listed.status).toBe(200);
      for (const q of listed.body.queues as Array<{ readOnlyMode: boolean }>) {
        expect(q.readOnlyMode).toBe(true);
      }
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('exposes queue depths and the outbox backlog on /metrics', async () => {
    await api.db.query(
      `INSERT INTO outbox_events (type, payload, created_at) VALUES ('report.published', '{}', now() - interval '90 seconds')`,
    );
    const res = await api.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^rilon_queue_jobs\{queue="email",state="waiting"\} 0$/m);
    expect(res.text).toMatch(/^rilon_queue_jobs\{queue="fanout",state="failed"\} 0$/m);
    expect(res.text).toMatch(/^rilon_queue_redis_up 1$/m);
    expect(res.text).toMatch(/^rilon_outbox_pending_events 1$/m);
    const age = Number(/^rilon_outbox_oldest_pending_seconds (\S+)$/m.exec(res.text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(90);
  });
});
