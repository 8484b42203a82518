import { waitFor } from '../support/harness';
import { FaultRig } from './support/fault-rig';
import { improperAnswers } from './support/load';

/**
 * Issue 12, section 4: PostgreSQL stopped (pg_ctl stop -m fast: every connection cut, open
 * transactions rolled back) for 15 s under a stream of creations and publications, then
 * started again, a surge of publications landing as it stops. Meanwhile the API answers 503 problems; neither app restarts, both
 * reconnect, and every publication that committed reaches every recipient exactly once.
 */
jest.setTimeout(420_000);

const OUTAGE_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL stopped and started under load', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.start('postgres-restart');
  }, 240_000);
  afterAll(() => rig?.stop(), 60_000);

  it('answers 503 problems while it is down, then recovers and delivers every publication exactly once', async () => {
    const load = rig.load();
    load.start();
    let downAt: number;
    let upAt: number;
    try {
      await waitFor(() => load.published.length >= 4, 60_000, 'publications before the stop');
      // A surge just before the stop: publications, fan-outs and mails in flight as it lands.
      const surging = load.surge(12);
      await waitFor(
        async () =>
          (
            await rig.owner.query(
              `SELECT 1 FROM reports WHERE title LIKE '% surge %' AND status = 'published'`,
            )
          ).rows.length > 0,
        30_000,
        'the surge to start publishing',
      );
      downAt = Date.now();
      await rig.pg.stop('fast');
      await sleep(OUTAGE_MS);
      await rig.pg.start();
      upAt = Date.now();
      await surging;
      const before = load.published.length;
      await waitFor(() => load.published.length >= before + 4, 90_000, 'publications after');
    } finally {
      await load.stop();
    }

    expect(load.exchanges.filter((e) => e.error)).toEqual([]);
    expect(improperAnswers(load.exchanges)).toEqual([]);
    expect(load.silentEffects).toEqual([]);
    // The outage was felt, and answered as one: 503 problems, never another 5xx.
    const during = load.between(downAt, upAt);
    expect(during.filter((e) => e.status === 503).length).toBeGreaterThan(0);
    expect(load.exchanges.filter((e) => e.status! >= 500 && e.status !== 503)).toEqual([]);
    // Both apps rode it out in the same processes.
    expect({ api: rig.api.running, worker: rig.worker.running }).toEqual({
      api: true,
      worker: true,
    });

    const tally = await rig.expectExactlyOnce('postgres-restart', load.published);
    const statuses: Record<string, number> = {};
    for (const e of during) statuses[String(e.status)] = (statuses[String(e.status)] ?? 0) + 1;
    await rig.record({
      scenario: 'PostgreSQL stopped (fast) for 15 s under load, then started',
      requests: load.exchanges.length,
      statusesDuringOutage: statuses,
      ...tally,
    });
  });
});
