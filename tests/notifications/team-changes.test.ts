import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { tokenFromLink } from '../network/network-helpers';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { QUEUES } from '@rilon/core';
import { jobIdOf, startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { fanoutDone, queueOf, recipientsOf } from './notify-helpers';

/**
 * Issue 12, hole 1.1: every membership change in a team and every change of its webhook is
 * told to that team's leads in the app (and a membership change to the member, as before),
 * so that a rogue change never goes unseen. Other teams' leads hear nothing.
 */
jest.setTimeout(60000);

const SECRET = 'team-a-secret-0123456789';

describe("team changes reach the team's leads", () => {
  let api: TestApi;
  let worker: RunningWorker;
  let factory: Factory;
  let cast: Cast;
  let lead2: TestUser;
  let ids: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
    lead2 = await factory.user({ teams: [[cast.teamA.id, 'lead']], displayName: 'Lead A2' });
    ids = {
      lead: cast.lead.id,
      lead2: lead2.id,
      otherLead: cast.otherLead.id,
      officer: cast.officer.id,
      observer: cast.observer.id,
      admin: cast.admin.id,
    };
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const names = (userIds: string[]): string[] =>
    userIds.map((id) => Object.keys(ids).find((k) => ids[k] === id) ?? id).sort();
  const rowsOf = (outboxId: string): Promise<Array<Record<string, any>>> =>
    api.db.query(
      `SELECT user_id, event, team_id, report_id, title FROM notifications WHERE outbox_event_id = $1`,
      [outboxId],
    );
  const titleFor = async (outboxId: string, userId: string): Promise<string> =>
    (await rowsOf(outboxId)).find((r) => r.user_id === userId)?.title;

  it("an administrator's membership change reaches the member and every lead of the team", async () => {
    const member = await factory.user({ displayName: 'Newcomer A' });
    ids.member = member.id;
    const res = await api.put(
      `/teams/${cast.teamA.id}/members/${member.id}`,
      { role: 'officer' },
      { token: cast.admin.token },
    );
    expect(res.status).toBe(200);
    const outboxId = await fanoutDone(api, worker, 'membership.changed', member.id);
    expect(names(await recipientsOf(api, outboxId))).toEqual(['lead', 'lead2', 'member']);
    const rows = await rowsOf(outboxId);
    expect(rows.every((r) => r.event === 'membership.changed')).toBe(true);
    expect(rows.every((r) => r.team_id === cast.teamA.id && r.report_id === null)).toBe(true);
    // The member hears of their own role, as before; the leads of whom and by whom.
    expect(await titleFor(outboxId, member.id)).toBe('Team Bangkok: your role is now officer');
    expect(await titleFor(outboxId, cast.lead.id)).toBe(
      'Team Bangkok: Newcomer A is now officer (by Admin)',
    );
    // The leads see it in their inbox like any other notification.
    const inbox = await api.get('/notifications', { token: lead2.token });
    expect(inbox.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: 'membership.changed',
          title: 'Team Bangkok: Newcomer A is now officer (by Admin)',
        }),
      ]),
    );
  });

  it("a lead's removal of an officer reaches the member and the other leads, not the acting lead", async () => {
    const member = await factory.user({
      teams: [[cast.teamA.id, 'officer']],
      displayName: 'Leaving A',
    });
    ids.leaving = member.id;
    const res = await api.delete(`/teams/${cast.teamA.id}/members/${member.id}`, {
      token: cast.lead.token,
    });
    expect(res.status).toBe(204);
    const outboxId = await fanoutDone(api, worker, 'membership.changed', member.id);
    expect(names(await recipientsOf(api, outboxId))).toEqual(['lead2', 'leaving']);
    expect(await titleFor(outboxId, lead2.id)).toBe(
      'Team Bangkok: Leaving A was removed from the team (by Lead A)',
    );
    expect(await titleFor(outboxId, member.id)).toBe(
      'Team Bangkok: you were removed from the team',
    );
  });

  it('a new lead hears of it once, as the member', async () => {
    const member = await factory.user({ displayName: 'Promoted A' });
    ids.promoted = member.id;
    await api.put(
      `/teams/${cast.teamA.id}/members/${member.id}`,
      { role: 'lead' },
      { token: cast.admin.token },
    );
    const outboxId = await fanoutDone(api, worker, 'membership.changed', member.id);
    expect(names(await recipientsOf(api, outboxId))).toEqual(['lead', 'lead2', 'promoted']);
    expect(await titleFor(outboxId, member.id)).toBe('Team Bangkok: your role is now lead');
    await api.delete(`/teams/${cast.teamA.id}/members/${member.id}`, {
      token: cast.admin.token,
    });
  });

  it('an accepted invitation into the team reaches its leads', async () => {
    const address = 'invitee-team-changes@rilon.test';
    const invited = await api.post(
      '/invitations',
      {
        email: address,
        displayName: 'Invited A',
        memberCode: 'THA',
        teamId: cast.teamA.id,
        role: 'observer',
      },
      { token: cast.lead.token },
    );
    expect(invited.status).toBe(201);
    const mails: Array<{ payload: { to: string; params: { link: string } } }> = await api.db.query(
      `SELECT payload FROM outbox_events WHERE type = 'email.send' AND payload->>'to' = $1`,
      [address],
    );
    const accepted = await api.post('/invitations/accept', {
      token: tokenFromLink(mails[0].payload.params.link),
      password: 'a long enough passphrase',
    });
    expect(accepted.status).toBe(201);
    ids.invited = accepted.body.userId;
    const outboxId = await fanoutDone(api, worker, 'membership.changed', accepted.body.userId);
    // The new member made the change (by accepting), so only the leads are told.
    expect(names(await recipientsOf(api, outboxId))).toEqual(['lead', 'lead2']);
    expect(await titleFor(outboxId, cast.lead.id)).toBe('Team Bangkok: Invited A is now observer');
  });

  describe('webhook changes', () => {
    const webhookDone = async (teamId: string, change: string): Promise<string> => {
      const rows: Array<{ id: string }> = await api.db.query(
        `SELECT id::text FROM outbox_events WHERE type = 'webhook.changed'
            AND payload->>'teamId' = $1 AND payload->>'change' = $2 ORDER BY id DESC LIMIT 1`,
        [teamId, change],
      );
      expect(rows).toHaveLength(1);
      const jobId = await jobIdOf(api, rows[0].id);
      await waitFor(
        async () => (await queueOf(worker, QUEUES.fanout).getJobState(jobId)) === 'completed',
        15000,
        `fan-out of webhook.changed ${change}`,
      );
      return rows[0].id;
    };

    it('a lead setting the webhook is told to the other leads, never with the URL or secret', async () => {
      const url = 'http://127.0.0.1:9/hooks/path-secret-4c1f';
      const res = await api.put(
        `/teams/${cast.teamA.id}/webhook`,
        { url, secret: SECRET },
        { token: cast.lead.token },
      );
      expect(res.status).toBe(200);
      const outboxId = await webhookDone(cast.teamA.id, 'set');
      const [event]: Array<{ payload: Record<string, unknown> }> = await api.db.query(
        'SELECT payload FROM outbox_events WHERE id = $1',
        [outboxId],
      );
      expect(event.payload).toEqual({
        teamId: cast.teamA.id,
        change: 'set',
        actorId: cast.lead.id,
      });
      const rows = await rowsOf(outboxId);
      expect(names(rows.map((r) => r.user_id))).toEqual(['lead2']);
      expect(rows[0]).toMatchObject({
        event: 'webhook.changed',
        team_id: cast.teamA.id,
        title: 'Team Bangkok: the team webhook was set (by Lead A)',
      });
      const all = JSON.stringify(await api.db.query('SELECT title FROM notifications'));
      expect(all).not.toContain('path-secret');
      expect(all).not.toContain(SECRET);
      const inbox = await api.get('/notifications', { token: lead2.token });
      expect(inbox.body.items[0]).toMatchObject({
        event: 'webhook.changed',
        title: 'Team Bangkok: the team webhook was set (by Lead A)',
      });
    });

    it("an administrator's deletion is told to every lead of the team and nobody else", async () => {
      const res = await api.delete(`/teams/${cast.teamA.id}/webhook`, { token: cast.admin.token });
      expect(res.status).toBe(204);
      const outboxId = await webhookDone(cast.teamA.id, 'removed');
      const rows = await rowsOf(outboxId);
      expect(names(rows.map((r) => r.user_id))).toEqual(['lead', 'lead2']);
      expect(rows[0].title).toBe('Team Bangkok: the team webhook was removed (by Admin)');
    });

    it("other teams' leads and members get nothing of team A's changes", async () => {
      const rows: Array<{ event: string }> = await api.db.query(
        `SELECT event FROM notifications WHERE user_id = ANY($1::uuid[])`,
        [[cast.otherLead.id, cast.otherOfficer.id, cast.officer.id, cast.observer.id]],
      );
      expect(rows).toEqual([]);
    });
  });
});
