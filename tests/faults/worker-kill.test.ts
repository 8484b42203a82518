import { waitFor } from '../support/harness';
import { FaultRig } from './support/fault-rig';
import { improperAnswers } from './support/load';

/**
 * Issue 12, section 4: the worker killed with SIGKILL in the middle of fanning out a surge
 * of publications (a third team of 500 readers makes each fan-out a real INSERT of 500+
 * rows): some events fanned out, others not, jobs active, mails and webhooks partly sent.
 * A new worker takes over; the dead one's jobs come back once their locks expire (BullMQ's
 * stalled-job check), and every recipient still ends with each thing exactly once.
 */
jest.setTimeout(420_000);

const SURGE = 20;

describe('the worker killed with SIGKILL mid-fan-out', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.start('worker-kill', { bulkReaders: 500 });
  }, 240_000);
  afterAll(() => rig?.stop(), 60_000);

  it('loses and doubles nothing: the next worker finishes what the killed one started', async () => {
    const load = rig.load();
    load.start();
    let atKill: Record<string, number>;
    try {
      await waitFor(() => load.published.length >= 4, 60_000, 'publications before the surge');
      const surging = load.surge(SURGE);
      const surgeIds = async (): Promise<string[]> =>
        (
          await rig.owner.query(
            `SELECT o.id::text FROM outbox_events o JOIN reports r ON r.id::text = o.payload->>'reportId'
              WHERE o.type = 'report.published' AND r.title LIKE '% surge %'`,
          )
        ).rows.map((r: { id: string }) => r.id);
      // Kill as soon as the first event of the surge is fanned out: the rest are not yet.
      await waitFor(
        async () => {
          const ids = await surgeIds();
          if (ids.length < SURGE) return false;
          const { rows } = await rig.owner.query(
            `SELECT count(*)::int AS n FROM outbox_events WHERE id = ANY($1::bigint[]) AND fanned_out_at IS NOT NULL`,
            [ids],
          );
          return rows[0].n > 0;
        },
        120_000,
        'the surge to start fanning out',
      );
      rig.worker.signal('SIGKILL');
      const exit = await rig.worker.waitForExit(10_000);
      expect(exit.signal).toBe('SIGKILL');
      await surging;
      const ids = await surgeIds();
      const { rows } = await rig.owner.query(
        `SELECT count(*) FILTER (WHERE fanned_out_at IS NULL)::int AS waiting,
                count(*) FILTER (WHERE fanned_out_at IS NOT NULL)::int AS done
           FROM outbox_events WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      const backlog = await rig.queueBacklog();
      atKill = {
        eventsFannedOut: rows[0].done,
        eventsNotFannedOut: rows[0].waiting,
        activeFanoutJobs: backlog.fanout.active,
        activeEmailJobs: backlog.email.active,
        mailsReceived: rig.smtp.messages.length,
        webhooksReceived: rig.hooks.deliveries.length,
      };
      // The kill landed mid-fan-out: jobs the dead worker held are still marked active,
      // and part of the surge was not fanned out.
      expect(atKill.activeFanoutJobs + atKill.activeEmailJobs).toBeGreaterThan(0);
      expect(atKill.eventsNotFannedOut).toBeGreaterThan(0);

      // Publications go on while no worker runs, then a new one starts.
      await rig.worker.start();
      const before = load.published.length;
      await waitFor(() => load.published.length >= before + 4, 60_000, 'publications after');
    } finally {
      await load.stop();
    }

    // The API never noticed: every request answered, each a success or a problem.
    expect(load.exchanges.filter((e) => e.error)).toEqual([]);
    expect(improperAnswers(load.exchanges)).toEqual([]);

    const tally = await rig.expectExactlyOnce('worker-kill', load.published);
    await rig.record({
      scenario: 'worker SIGKILLed while fanning out a surge of 20 publications (506 readers each)',
      requests: load.exchanges.length,
      atKill,
      ...tally,
    });
  });
});
