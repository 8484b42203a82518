import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook, WebhookTargetRefused } from '@rilon/notifications';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory, TestTeam, TestUser } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor, eventKeyOf } from '../support/harness';
import { envelope, fanoutDone, makeReport } from './notify-helpers';

jest.setTimeout(60000);

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
}

/** A webhook receiver on loopback that keeps what it receives; fails one chosen call when asked. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  /** When set, the first delivery it matches is answered 503 (once), then it disarms. */
  failOnce: ((delivery: Delivery) => boolean) | null = null;
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const delivery = {
        path: req.url ?? '',
        headers: req.headers,
        raw: Buffer.concat(chunks).toString(),
      };
      this.deliveries.push(delivery);
      if (this.failOnce?.(delivery)) {
        this.failOnce = null;
        res.writeHead(503).end();
      } else res.writeHead(204).end();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  to(team: string): Delivery[] {
    return this.deliveries.filter((d) => d.path === `/${team}`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const SECRET_A = 'team-a-secret-0123456789';
const SECRET_B = 'team-b-secret-0123456789';

describe('team webhooks', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  let teamC: TestTeam;
  let leadC: TestUser;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    api = await startApi();
    const factory = new Factory(api);
    cast = await createCast(factory);
    teamC = await factory.team('Team Yangon');
    leadC = await factory.user({ teams: [[teamC.id, 'lead']], displayName: 'Lead C' });
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver.stop();
  });

  describe('GET, PUT, DELETE /teams/:id/webhook', () => {
    it('lets the team lead set it and answers the URL, never the secret', async () => {
      const res = await api.put(
        `/teams/${cast.teamA.id}/webhook`,
        { url: `${receiver.url}/A`, secret: SECRET_A },
        { token: cast.lead.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ url: `${receiver.url}/A`, createdAt: expect.any(String) });
      const got = await api.get(`/teams/${cast.teamA.id}/webhook`, { token: cast.lead.token });
      expect(got.body).toEqual(res.body);
      expect(got.text).not.toContain(SECRET_A);
      const audit = await api.db.query(
        `SELECT action, details::text FROM audit_events WHERE action = 'webhook.set' AND target_id = $1`,
        [cast.teamA.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].details).not.toContain(SECRET_A);
    });

    it('refuses an administrator who sets or changes one (403, audited); the lead may', async () => {
      const denied = async () =>
        (
          await api.db.query(
            `SELECT count(*)::int AS n FROM audit_events
              WHERE action = 'webhook.set.denied' AND actor_id = $1 AND target_id = $2 AND outcome = 'denied'`,
            [cast.admin.id, cast.teamB.id],
          )
        )[0].n as number;
      const before = await denied();
      const byAdmin = await api.put(
        `/teams/${cast.teamB.id}/webhook`,
        { url: 'https://attacker.example.org/collect', secret: SECRET_B },
        { token: cast.admin.token },
      );
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.headers.get('content-type')).toContain('application/problem+json');
      expect(await denied()).toBe(before + 1);
      const stored = await api.db.query('SELECT url FROM team_webhooks WHERE team_id = $1', [
        cast.teamB.id,
      ]);
      expect(stored).toEqual([]);
      const byLead = await api.put(
        `/teams/${cast.teamB.id}/webhook`,
        { url: `${receiver.url}/B`, secret: SECRET_B },
        { token: cast.otherLead.token },
      );
      expect(byLead.status).toBe(200);
      // Changing an existing one is refused to the administrator too; reading is allowed.
      const change = await api.put(
        `/teams/${cast.teamB.id}/webhook`,
        { url: 'https://attacker.example.org/collect', secret: SECRET_B },
        { token: cast.admin.token },
      );
      expect(change.status).toBe(403);
      expect(await denied()).toBe(before + 2);
      const read = await api.get(`/teams/${cast.teamB.id}/webhook`, { token: cast.admin.token });
      expect(read.status).toBe(200);
      expect(read.body.url).toBe(`${receiver.url}/B`);
    });

    it.each([
      ['observer', 'observer'],
      ['officer', 'officer'],
      ['lead of another team', 'otherLead'],
      ['auditor', 'auditor'],
    ])('refuses the %s with 403 (audited)', async (_who, key) => {
      const token = (cast as any)[key].token;
      expect((await api.get(`/teams/${cast.teamA.id}/webhook`, { token })).status).toBe(403);
      expect(
        (
          await api.put(
            `/teams/${cast.teamA.id}/webhook`,
            { url: 'https://example.org/x', secret: SECRET_A },
            { token },
          )
        ).status,
      ).toBe(403);
      expect((await api.delete(`/teams/${cast.teamA.id}/webhook`, { token })).status).toBe(403);
      const denied = await api.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action LIKE 'webhook.%.denied'`,
        [(cast as any)[key].id],
      );
      expect(denied[0].n).toBe(3);
    });

    it('refuses anonymous and suspended callers, and answers 404 for an unknown team', async () => {
      expect((await api.get(`/teams/${cast.teamA.id}/webhook`)).status).toBe(401);
      expect(
        (await api.get(`/teams/${cast.teamA.id}/webhook`, { token: cast.suspended.token })).status,
      ).toBe(401);
      expect(
        (
          await api.get('/teams/00000000-0000-7000-8000-000000000000/webhook', {
            token: cast.admin.token,
          })
        ).status,
      ).toBe(404);
      expect(
        (await api.get(`/teams/${teamC.id}/webhook`, { token: cast.admin.token })).status,
      ).toBe(404);
    });

    it.each([
      ['a short secret', { url: 'https://example.org/hook', secret: 'short' }],
      ['a missing secret', { url: 'https://example.org/hook' }],
      ['a non-URL', { url: 'not a url', secret: SECRET_A }],
      ['an ftp URL', { url: 'ftp://example.org/hook', secret: SECRET_A }],
      ['an unknown field', { url: 'https://example.org/hook', secret: SECRET_A, extra: 1 }],
    ])('refuses %s with 400', async (_what, body) => {
      const res = await api.put(`/teams/${teamC.id}/webhook`, body, { token: leadC.token });
      expect(res.status).toBe(400);
    });

    it('lets an administrator delete it (204, audited), then 404', async () => {
      const set = await api.put(
        `/teams/${teamC.id}/webhook`,
        { url: `${receiver.url}/C`, secret: SECRET_A },
        { token: leadC.token },
      );
      expect(set.status).toBe(200);
      expect(
        (await api.delete(`/teams/${teamC.id}/webhook`, { token: cast.admin.token })).status,
      ).toBe(204);
      expect(
        (await api.delete(`/teams/${teamC.id}/webhook`, { token: cast.admin.token })).status,
      ).toBe(404);
      const audit = await api.db.query(
        `SELECT 1 FROM audit_events WHERE action = 'webhook.delete' AND target_id = $1`,
        [teamC.id],
      );
      expect(audit).toHaveLength(1);
    });
  });

  describe('deliveries', () => {
    function verify(delivery: Delivery, secret: string): boolean {
      const header = String(delivery.headers['x-rilon-signature']);
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
      if (!match) return false;
      const mac = createHmac('sha256', secret).update(`${match[1]}.${delivery.raw}`).digest('hex');
      return mac === match[2];
    }

    it('signs a GREEN publication to every team with a webhook, with the report envelope only', async () => {
      const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
      const outboxId = await fanoutDone(api, worker, 'report.published', report.id);
      const [a] = await waitFor(
        () => receiver.to('A').length > 0 && receiver.to('A'),
        10000,
        'team A delivery',
      );
      const [b] = await waitFor(
        () => receiver.to('B').length > 0 && receiver.to('B'),
        10000,
        'team B delivery',
      );
      expect(verify(a, SECRET_A)).toBe(true);
      expect(verify(b, SECRET_B)).toBe(true);
      expect(verify(a, SECRET_B)).toBe(false);
      expect(a.headers['x-rilon-delivery']).toBe(
        `hook-${await eventKeyOf(api, outboxId)}-${cast.teamA.id}`,
      );
      expect(JSON.parse(a.raw)).toEqual({
        event: 'report.published',
        occurredAt: expect.any(String),
        report: {
          id: report.id,
          type: 'visa_fraud_trend',
          title: report.title,
          tlp: 'GREEN',
          urgent: false,
          version: 1,
        },
      });
      expect(a.raw).not.toContain('biodata');
    });

    it('sends AMBER only to listed teams and RED to none', async () => {
      receiver.deliveries.length = 0;
      const amber = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', { tlp: 'AMBER' }),
      );
      const red = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', {
          tlp: 'RED',
          distribution: { userIds: [cast.otherLead.id] },
        }),
      );
      const marker = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
      for (const id of [amber.id, red.id, marker.id])
        await fanoutDone(api, worker, 'report.published', id);
      await waitFor(
        () => receiver.to('B').some((d) => d.raw.includes(marker.id)),
        10000,
        'marker at B',
      );
      await waitFor(
        () => receiver.to('A').some((d) => d.raw.includes(marker.id)),
        10000,
        'marker at A',
      );
      expect(receiver.to('A').some((d) => d.raw.includes(amber.id))).toBe(true);
      expect(receiver.deliveries.some((d) => d.raw.includes(red.id))).toBe(false);
      expect(receiver.to('B').some((d) => d.raw.includes(amber.id))).toBe(false);
    });

    it('retries a failed delivery under the same delivery id', async () => {
      receiver.deliveries.length = 0;
      // Fail the first delivery to A of a report not seen before: a late delivery of an
      // earlier test's report must not take the failure meant for this one.
      const known = new Set(
        (await api.db.query<Array<{ id: string }>>('SELECT id FROM reports')).map((r) => r.id),
      );
      receiver.failOnce = (d) =>
        d.path === '/A' && !known.has((JSON.parse(d.raw) as { report: { id: string } }).report.id);
      const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
      await fanoutDone(api, worker, 'report.published', report.id);
      const both = await waitFor(
        () => {
          const mine = receiver.deliveries.filter(
            (d) => d.raw.includes(report.id) && d.path === '/A',
          );
          return mine.length >= 2 && mine;
        },
        15000,
        'the retry',
      );
      expect(both[0].headers['x-rilon-delivery']).toBe(both[1].headers['x-rilon-delivery']);
    });
  });

  describe('with WEBHOOK_ALLOW_PRIVATE=false', () => {
    it('refuses http and private targets when set', async () => {
      const strict = await startApi({ WEBHOOK_ALLOW_PRIVATE: 'false' });
      try {
        const factory = new Factory(strict);
        const team = await factory.team();
        const lead = await factory.user({ teams: [[team.id, 'lead']] });
        for (const url of [
          'http://example.org/hook',
          'https://127.0.0.1/hook',
          'https://localhost/x',
          'https://[::1]/x',
          'https://169.254.169.254/latest',
        ]) {
          const res = await strict.put(
            `/teams/${team.id}/webhook`,
            { url, secret: SECRET_A },
            { token: lead.token },
          );
          expect(res.status).toBe(400);
        }
      } finally {
        await strict.close();
      }
    });

    it('refuses at delivery time a host that resolves to a private address', async () => {
      await expect(
        postWebhook({ url: `https://localhost:1/x`, body: '{}', headers: {}, allowPrivate: false }),
      ).rejects.toBeInstanceOf(WebhookTargetRefused);
      await expect(
        postWebhook({ url: `${receiver.url}/A`, body: '{}', headers: {}, allowPrivate: false }),
      ).rejects.toBeInstanceOf(WebhookTargetRefused);
    });
  });
});
