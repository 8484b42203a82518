import { waitFor } from '../support/harness';
import { FaultRig } from './support/fault-rig';
import { improperAnswers } from './support/load';

/**
 * Issue 12, section 4: Redis killed (SIGKILL) for 30 s while officers create reports and
 * leads publish them without pause; it comes back from its append-only file, as
 * production Redis is configured. The API keeps answering (the outbox is in PostgreSQL),
 * the worker catches up, and nothing is lost or doubled.
 */
jest.setTimeout(420_000);

const OUTAGE_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Redis down 30 s during a stream of creations and publications', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.start('redis-outage');
  }, 240_000);
  afterAll(() => rig?.stop(), 60_000);

  it('answers every request with a success or a problem, then delivers each publication to every recipient exactly once', async () => {
    const load = rig.load();
    load.start();
    let downAt: number;
    let upAt: number;
    try {
      await waitFor(() => load.published.length >= 4, 60_000, 'publications before the outage');
      downAt = Date.now();
      await rig.redis.crash();
      await sleep(OUTAGE_MS);
      await rig.redis.start();
      upAt = Date.now();
      const before = load.published.length;
      await waitFor(() => load.published.length >= before + 4, 60_000, 'publications after');
    } finally {
      await load.stop();
    }

    // Every request was answered, each with a success or a problem document.
    expect(load.exchanges.filter((e) => e.error)).toEqual([]);
    expect(improperAnswers(load.exchanges)).toEqual([]);
    expect(load.silentEffects).toEqual([]);
    // Publishing went on while Redis was down: the events waited in PostgreSQL.
    const during = load.between(downAt, upAt);
    const publishedDuring = during.filter((e) => e.what === 'publish' && e.status === 200);
    expect(publishedDuring.length).toBeGreaterThan(0);
    // Neither app fell over.
    expect({ api: rig.api.running, worker: rig.worker.running }).toEqual({
      api: true,
      worker: true,
    });

    const tally = await rig.expectExactlyOnce('redis-outage', load.published);
    const statuses: Record<string, number> = {};
    for (const e of during)
      statuses[e.status ?? e.error!] = (statuses[e.status ?? e.error!] ?? 0) + 1;
    await rig.record({
      scenario: 'Redis SIGKILLed for 30 s under load, back from its append-only file',
      requests: load.exchanges.length,
      requestsDuringOutage: during.length,
      statusesDuringOutage: statuses,
      publishedDuringOutage: publishedDuring.length,
      ...tally,
    });
  });
});
