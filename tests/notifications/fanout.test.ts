import { getQueueToken } from '@nestjs/bullmq';
import { OutboxJob, QUEUES } from '@rilon/core';
import type { Job } from 'bullmq';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { FanoutProcessor } from '../../apps/worker/src/notifications/fanout.processor';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { eventKeyOf, jobIdOf, startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { envelope, fanoutDone, makeReport, recipientsOf } from './notify-helpers';

/**
 * The fan-out through the real relay and worker: every event reaches exactly the users
 * it should, by THE visibility rule, and nobody else.
 */
jest.setTimeout(60000);

describe('fan-out recipients', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;
  let lead2: TestUser;
  let cMember: TestUser;
  let ids: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
    const factory = new Factory(api);
    cast = await createCast(factory);
    const teamC = await factory.team('Team Jakarta');
    lead2 = await factory.user({ teams: [[cast.teamA.id, 'lead']], displayName: 'Lead A2' });
    cMember = await factory.user({ teams: [[teamC.id, 'officer']], displayName: 'Officer C' });
    ids = {
      observer: cast.observer.id,
      officer: cast.officer.id,
      lead: cast.lead.id,
      lead2: lead2.id,
      otherLead: cast.otherLead.id,
      otherOfficer: cast.otherOfficer.id,
      cMember: cMember.id,
      admin: cast.admin.id,
      auditor: cast.auditor.id,
      suspended: cast.suspended.id,
      teamC: teamC.id,
    };
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const names = (userIds: string[]): string[] =>
    userIds.map((id) => Object.keys(ids).find((k) => ids[k] === id) ?? id).sort();

  async function publish(overrides: Record<string, unknown>): Promise<string> {
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'visa_fraud_trend', overrides),
    );
    return report.id;
  }

  it.each([
    [
      'CLEAR',
      {},
      ['admin', 'auditor', 'cMember', 'lead2', 'observer', 'officer', 'otherLead', 'otherOfficer'],
    ],
    [
      'GREEN',
      {},
      ['admin', 'auditor', 'cMember', 'lead2', 'observer', 'officer', 'otherLead', 'otherOfficer'],
    ],
    ['AMBER', 'teamC', ['cMember', 'lead2', 'observer', 'officer']],
    ['AMBER+STRICT', 'teamC', ['cMember', 'lead2', 'observer', 'officer']],
    ['AMBER', 'none', ['lead2', 'observer', 'officer']],
    ['RED', 'otherOfficer', ['lead2', 'officer', 'otherOfficer']],
  ])(
    'a %s publication reaches exactly its readers, never the publishing lead',
    async (tlp, how, expected) => {
      const distribution =
        how === 'teamC'
          ? { teamIds: [ids.teamC] }
          : how === 'none'
            ? { teamIds: [] }
            : how === 'otherOfficer'
              ? { userIds: [ids.otherOfficer] }
              : undefined;
      const reportId = await publish({ tlp, ...(distribution ? { distribution } : {}) });
      const outboxId = await fanoutDone(api, worker, 'report.published', reportId);
      expect(names(await recipientsOf(api, outboxId))).toEqual(expected);
    },
  );

  it('tells the authoring team leads of a submission and the author of a return', async () => {
    const report = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id),
      'submitted',
    );
    const submitted = await fanoutDone(api, worker, 'report.submitted', report.id);
    expect(names(await recipientsOf(api, submitted))).toEqual(['lead', 'lead2']);
    const back = await api.post(
      `/reports/${report.id}/return`,
      { comment: 'add the period' },
      { token: cast.lead.token },
    );
    expect(back.status).toBe(200);
    const returned = await fanoutDone(api, worker, 'report.returned', report.id);
    expect(names(await recipientsOf(api, returned))).toEqual(['officer']);
  });

  it('tells amendments to readers and a withdrawal only to those who were told', async () => {
    const reportId = await publish({ tlp: 'AMBER', distribution: { teamIds: [ids.teamC] } });
    await fanoutDone(api, worker, 'report.published', reportId);
    const amended = await api.patch(
      `/reports/${reportId}`,
      { summary: 'Now seen at two airports.' },
      { token: cast.lead.token },
    );
    expect(amended.status).toBe(200);
    const amendment = await fanoutDone(api, worker, 'report.amended', reportId);
    expect(names(await recipientsOf(api, amendment))).toEqual([
      'cMember',
      'lead2',
      'observer',
      'officer',
    ]);
    // A newcomer to team A can read the report now, but was never told of it.
    const newcomer = await new Factory(api).user({
      teams: [[cast.teamA.id, 'observer']],
      signIn: false,
    });
    ids.newcomer = newcomer.id;
    const withdrawn = await api.post(
      `/reports/${reportId}/withdraw`,
      { reason: 'superseded' },
      { token: cast.officer.token },
    );
    expect(withdrawn.status).toBe(200);
    const withdrawal = await fanoutDone(api, worker, 'report.withdrawn', reportId);
    // Those told before, but not the author (who withdrew it), not the publishing lead (never
    // told: the actor hears of nothing) and not the newcomer.
    expect(names(await recipientsOf(api, withdrawal))).toEqual(['cMember', 'lead2', 'observer']);
  });

  it('tells a user of a change to their own membership, not the admin who made it', async () => {
    const res = await api.put(
      `/teams/${ids.teamC}/members/${cast.otherOfficer.id}`,
      { role: 'observer' },
      { token: cast.admin.token },
    );
    expect(res.status).toBe(200);
    const outboxId = await fanoutDone(api, worker, 'membership.changed', cast.otherOfficer.id);
    expect(names(await recipientsOf(api, outboxId))).toEqual(['otherOfficer']);
    const rows = await api.db.query(
      `SELECT title, team_id FROM notifications WHERE outbox_event_id = $1`,
      [outboxId],
    );
    expect(rows[0]).toMatchObject({
      team_id: ids.teamC,
      title: expect.stringContaining('observer'),
    });
  });

  it('tells the offering team leads of an enrolment request and the requester of the decision', async () => {
    const offer = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'training_offer'),
    );
    await fanoutDone(api, worker, 'report.published', offer.id);
    const asked = await api.post(
      `/reports/${offer.id}/enrolments`,
      { seats: 2 },
      { token: cast.otherLead.token },
    );
    expect(asked.status).toBe(201);
    const requested = await fanoutDone(api, worker, 'enrolment.requested', asked.body.id);
    expect(names(await recipientsOf(api, requested))).toEqual(['lead', 'lead2']);
    const decided = await api.post(
      `/enrolments/${asked.body.id}/decision`,
      { decision: 'accepted' },
      { token: cast.lead.token },
    );
    expect(decided.status).toBe(200);
    const decision = await fanoutDone(api, worker, 'enrolment.decided', asked.body.id);
    expect(names(await recipientsOf(api, decision))).toEqual(['otherLead']);
    const rows = await api.db.query(
      `SELECT enrolment_id, report_id FROM notifications WHERE outbox_event_id = $1`,
      [decision],
    );
    expect(rows[0]).toEqual({ enrolment_id: asked.body.id, report_id: offer.id });
  });

  it('notifies nobody twice when a fan-out job runs again', async () => {
    const reportId = await publish({ tlp: 'GREEN' });
    const outboxId = await fanoutDone(api, worker, 'report.published', reportId);
    const before = await recipientsOf(api, outboxId);
    expect(before.length).toBeGreaterThan(5);
    const processor = worker.app.get(FanoutProcessor);
    const job = {
      name: 'report.published',
      data: {
        outboxId,
        eventKey: await eventKeyOf(api, outboxId),
        type: 'report.published',
        payload: { reportId, version: 1, actorId: cast.lead.id },
        occurredAt: new Date().toISOString(),
      },
    } as unknown as Job<OutboxJob>;
    await expect(processor.process(job)).resolves.toEqual({ inserted: 0 });
    await expect(processor.process(job)).resolves.toEqual({ inserted: 0 });
    // Re-adding the job under its id adds nothing either.
    const queue = worker.app.get(getQueueToken(QUEUES.fanout));
    await queue.add('report.published', job.data, { jobId: await jobIdOf(api, outboxId) });
    expect(await recipientsOf(api, outboxId)).toEqual(before);
  });
  it('refuses a job whose data is malformed: it fails once, for good, and notifies nobody', async () => {
    const reportId = await publish({ tlp: 'GREEN' });
    // A real event the relay will not take (already relayed), and a forged job for it.
    const [row] = await api.db.query(
      `INSERT INTO outbox_events (type, payload, relayed_at) VALUES ('report.published', $1, now())
       RETURNING id::text AS id, event_key`,
      [JSON.stringify({ reportId, version: 1, actorId: cast.lead.id })],
    );
    const queue = worker.app.get(getQueueToken(QUEUES.fanout));
    const job = await queue.add(
      'report.published',
      {
        outboxId: row.id,
        eventKey: row.event_key,
        type: 'report.published',
        payload: { reportId: `${reportId}' OR '1'='1`, version: 1, actorId: cast.lead.id },
        occurredAt: new Date().toISOString(),
      },
      { jobId: `forged-${row.id}`, attempts: 8 },
    );
    const failed = await waitFor(
      async () => ((await job.getState()) === 'failed' ? await queue.getJob(job.id) : null),
      10000,
      'the forged job to fail',
    );
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toBe(`malformed report.published job ${job.id}: payload.reportId`);
    expect(await recipientsOf(api, row.id)).toEqual([]);
    const [event] = await api.db.query(
      'SELECT fanned_out_at FROM outbox_events WHERE id = $1::bigint',
      [row.id],
    );
    expect(event.fanned_out_at).toBeNull();
  });
});

describe('a withdrawal fanned out before its publication', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** An outbox event the relay will not take (already marked relayed), as a job. */
  async function heldEvent(type: string, reportId: string): Promise<Job<OutboxJob>> {
    const [row] = await api.db.query(
      `INSERT INTO outbox_events (type, payload, relayed_at) VALUES ($1, $2, now())
       RETURNING id::text AS id, event_key`,
      [type, JSON.stringify({ reportId, version: 1, actorId: cast.lead.id })],
    );
    return {
      name: type,
      data: {
        outboxId: row.id,
        eventKey: row.event_key,
        type,
        payload: { reportId, version: 1, actorId: cast.lead.id },
        occurredAt: new Date().toISOString(),
      },
    } as unknown as Job<OutboxJob>;
  }

  it('waits (fails, to be retried) until the publication has reached its readers', async () => {
    const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
    await fanoutDone(api, worker, 'report.published', report.id);
    const processor = worker.app.get(FanoutProcessor);
    const published = await heldEvent('report.published', report.id);
    const withdrawn = await heldEvent('report.withdrawn', report.id);

    await expect(processor.process(withdrawn)).rejects.toThrow(/not fanned out yet/);
    expect(await recipientsOf(api, withdrawn.data.outboxId)).toEqual([]);

    const told = await processor.process(published);
    expect(told.inserted).toBeGreaterThan(0);
    const [{ fanned }] = await api.db.query(
      'SELECT fanned_out_at IS NOT NULL AS fanned FROM outbox_events WHERE id = $1',
      [published.data.outboxId],
    );
    expect(fanned).toBe(true);

    // The retry now reaches exactly those who were told of the publication.
    await expect(processor.process(withdrawn)).resolves.toEqual({ inserted: told.inserted });
    expect(await recipientsOf(api, withdrawn.data.outboxId)).toEqual(
      await recipientsOf(api, published.data.outboxId),
    );
  });
});
