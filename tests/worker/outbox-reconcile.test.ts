import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@rilon/core';
import type { Queue } from 'bullmq';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { OutboxReconciler } from '../../apps/worker/src/outbox/outbox-reconciler';
import { Factory } from '../support/factories';
import { jobIdOf, startApi, startWorker, TestApi, waitFor } from '../support/harness';

jest.setTimeout(60_000);

/**
 * A fan-out job lost with a Redis that restarted empty: the row says relayed, nothing
 * says fanned out. The reconciler offers it to Redis again, and only such rows.
 */
describe('re-offering lost fan-out jobs', () => {
  let api: TestApi;
  let worker: RunningWorker;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** A membership.changed event that was relayed long ago, as if its job had been lost. */
  async function lostEvent(userId: string, teamId: string, fanned: boolean): Promise<string> {
    const [row] = await api.db.query(
      `INSERT INTO outbox_events (type, payload, relayed_at, fanned_out_at)
       VALUES ('membership.changed', $1, now() - interval '10 minutes', $2)
       RETURNING id::text AS id`,
      [
        JSON.stringify({ userId, teamId, role: 'officer', actorId: null }),
        fanned ? new Date() : null,
      ],
    );
    return row.id;
  }

  it('re-adds the job of a relayed event never fanned out, and not of a finished one', async () => {
    const factory = new Factory(api);
    const team = await factory.team();
    const lostFor = await factory.user({ signIn: false });
    const doneFor = await factory.user({ signIn: false });
    const lost = await lostEvent(lostFor.id, team.id, false);
    const done = await lostEvent(doneFor.id, team.id, true);
    const fanout = worker.app.get<Queue>(getQueueToken(QUEUES.fanout));
    expect(await fanout.getJob(await jobIdOf(api, lost))).toBeUndefined();

    const offered = await worker.app.get(OutboxReconciler).reconcile();
    expect(offered).toBe(1);
    await waitFor(
      async () =>
        (
          await api.db.query(
            'SELECT fanned_out_at FROM outbox_events WHERE id = $1 AND fanned_out_at IS NOT NULL',
            [lost],
          )
        ).length > 0,
      15_000,
      'the lost fan-out to run',
    );
    const notified = await api.db.query(
      `SELECT user_id FROM notifications WHERE outbox_event_id = ANY($1::bigint[])`,
      [[lost, done]],
    );
    expect(notified).toEqual([{ user_id: lostFor.id }]);
    expect(await fanout.getJob(await jobIdOf(api, done))).toBeUndefined();
    // Once fanned out, nothing is offered again.
    expect(await worker.app.get(OutboxReconciler).reconcile()).toBe(0);
  });
});
