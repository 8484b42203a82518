import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, startWorker, TestApi } from '../support/harness';
import { envelope, fanoutDone, makeReport, queueOf } from './notify-helpers';

jest.setTimeout(60000);

describe('subscriptions', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  const users: Record<string, TestUser> = {};

  const RULES: Record<string, unknown[] | null> = {
    byDefault: null,
    empty: [],
    types: [{ types: ['modus_operandi'], email: 'immediate' }],
    transit: [{ countries: ['MYS'], email: 'daily' }],
    elsewhere: [{ countries: ['NPL'], email: 'immediate' }],
    urgentOnly: [{ urgentOnly: true, email: 'immediate' }],
    several: [{ email: 'daily' }, { types: ['visa_fraud_trend'], email: 'immediate' }],
  };

  beforeAll(async () => {
    api = await startApi();
    const factory = new Factory(api);
    cast = await createCast(factory);
    for (const [name, rules] of Object.entries(RULES)) {
      users[name] = await factory.user({ teams: [[cast.teamB.id, 'observer']], displayName: name });
      if (rules) {
        const res = await api.put('/me/subscriptions', { rules }, { token: users[name].token });
        expect(res.status).toBe(200);
      }
    }
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** Subscription users told of the event, with their e-mail setting. */
  async function told(outboxId: string): Promise<Record<string, string>> {
    const rows: Array<{ user_id: string; email: string }> = await api.db.query(
      `SELECT user_id, email FROM notifications WHERE outbox_event_id = $1`,
      [outboxId],
    );
    const out: Record<string, string> = {};
    for (const row of rows) {
      const name = Object.keys(users).find((k) => users[k].id === row.user_id);
      if (name) out[name] = row.email;
    }
    return out;
  }

  describe('GET and PUT /me/subscriptions', () => {
    it('answers one match-everything in-app rule to a user who never set any', async () => {
      const res = await api.get('/me/subscriptions', { token: users.byDefault.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rules: [{ email: 'off' }] });
    });

    it('keeps an empty list (urgent reports only) and the rules as set', async () => {
      expect((await api.get('/me/subscriptions', { token: users.empty.token })).body).toEqual({
        rules: [],
      });
      expect((await api.get('/me/subscriptions', { token: users.several.token })).body).toEqual({
        rules: RULES.several,
      });
    });

    it('accepts ICAO nationality codes and every signed-in role', async () => {
      for (const user of [cast.observer, cast.officer, cast.lead, cast.admin, cast.auditor]) {
        const res = await api.put(
          '/me/subscriptions',
          { rules: [{ countries: ['XXB', 'THA'], urgentOnly: false, email: 'daily' }] },
          { token: user.token },
        );
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ rules: [{ countries: ['XXB', 'THA'], email: 'daily' }] });
      }
      const audit = await api.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'subscription.set' AND actor_id = $1`,
        [cast.admin.id],
      );
      expect(audit[0].n).toBe(1);
    });

    it('refuses anonymous and suspended callers', async () => {
      expect((await api.get('/me/subscriptions')).status).toBe(401);
      expect((await api.put('/me/subscriptions', { rules: [] })).status).toBe(401);
      expect((await api.get('/me/subscriptions', { token: cast.suspended.token })).status).toBe(
        401,
      );
    });

    it.each([
      ['an unknown type', [{ types: ['gossip'], email: 'off' }]],
      ['a made-up country', [{ countries: ['ZZZ'], email: 'off' }]],
      ['a lower-case country', [{ countries: ['mys'], email: 'off' }]],
      ['an empty type list', [{ types: [], email: 'off' }]],
      ['a missing e-mail setting', [{ types: ['modus_operandi'] }]],
      ['an unknown e-mail setting', [{ email: 'hourly' }]],
      ['an unknown field', [{ email: 'off', colour: 'red' }]],
      ['a string for urgentOnly', [{ email: 'off', urgentOnly: 'yes' }]],
      ['21 rules', Array.from({ length: 21 }, () => ({ email: 'off' }))],
      ['51 countries', [{ email: 'off', countries: Array.from({ length: 51 }, () => 'THA') }]],
    ])('refuses %s with 400 naming the field', async (_what, rules) => {
      const res = await api.put('/me/subscriptions', { rules }, { token: users.byDefault.token });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.length).toBeGreaterThan(0);
    });

    it('refuses a body without rules', async () => {
      const res = await api.put('/me/subscriptions', {}, { token: users.byDefault.token });
      expect(res.status).toBe(400);
    });
  });

  describe('filtering the fan-out', () => {
    it('matches types and countries (a transit country too), and the most immediate e-mail wins', async () => {
      // The visa fraud fixture's route transits THA and MYS.
      const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
      expect(report.countries).toContain('MYS');
      const outboxId = await fanoutDone(api, worker, 'report.published', report.id);
      expect(await told(outboxId)).toEqual({
        byDefault: 'off',
        transit: 'daily',
        several: 'immediate',
      });
    });

    it('lets an urgent report reach every reader whatever their rules', async () => {
      const report = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'modus_operandi', { urgent: true }),
      );
      expect(report.countries).not.toContain('NPL');
      const outboxId = await fanoutDone(api, worker, 'report.published', report.id);
      expect(await told(outboxId)).toEqual({
        byDefault: 'off',
        empty: 'off',
        types: 'immediate',
        transit: 'daily',
        elsewhere: 'off',
        urgentOnly: 'immediate',
        several: 'daily',
      });
    });

    it('queues one immediate e-mail job per immediate notification, with a stable id', async () => {
      const report = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'modus_operandi'),
      );
      const outboxId = await fanoutDone(api, worker, 'report.published', report.id);
      expect(await told(outboxId)).toEqual({
        byDefault: 'off',
        types: 'immediate',
        transit: 'daily',
        several: 'daily',
      });
      const rows = await api.db.query(
        `SELECT id FROM notifications WHERE outbox_event_id = $1 AND email = 'immediate'`,
        [outboxId],
      );
      expect(rows).toHaveLength(1);
      const job = await queueOf(worker, 'email').getJob(`mail-${rows[0].id}`);
      expect(job?.name).toBe('notification.immediate');
      expect(job?.data).toEqual({ notificationId: rows[0].id });
    });
  });
});
