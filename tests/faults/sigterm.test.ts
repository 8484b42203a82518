import { SseReader } from '../notifications/notify-helpers';
import { waitFor } from '../support/harness';
import { FaultRig } from './support/fault-rig';
import { improperAnswers } from './support/load';

/**
 * Issue 12, section 4: SIGTERM to the API and the worker at once, as an orchestrator
 * stops them, while a surge of requests is in flight; then both start again. What the API
 * had read it finishes (a success, or a 503 problem for what came once the stop began);
 * what it never read is refused at the connection, and leaves nothing behind. The worker finishes its active
 * jobs first; the new one delivers the rest, each exactly once.
 */
jest.setTimeout(420_000);

/** Errors a client meets when nobody listens: the request never reached an app. */
const NOT_LISTENING = ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'];

describe('SIGTERM to both apps under load', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.start('sigterm');
  }, 240_000);
  afterAll(() => rig?.stop(), 60_000);

  it('finishes what it accepted, refuses the rest at the door, and delivers every publication exactly once', async () => {
    const load = rig.load();
    const stream = new SseReader();
    load.start();
    let termAt: number;
    let upAt: number;
    let exits: Array<{ code: number | null; signal: string | null }>;
    try {
      await waitFor(() => load.published.length >= 4, 60_000, 'publications before');
      await stream.open(`${rig.apiUrl}/api/v1/notifications/stream`, rig.users[1].token);
      expect(stream.status).toBe(200);
      const surging = load.surge(16);
      // The signal lands once the API is busy with the surge: some creations answered,
      // the rest and their publications under way.
      await waitFor(
        () =>
          load.exchanges.filter((e) => e.title?.includes(' surge ') && e.status === 201).length >=
          4,
        30_000,
        'the surge to be under way',
      );
      termAt = Date.now();
      rig.api.signal('SIGTERM');
      rig.worker.signal('SIGTERM');
      // Each stops of its own accord (the worker may wait for its active jobs).
      exits = await Promise.all([rig.api.waitForExit(60_000), rig.worker.waitForExit(60_000)]);
      // The open stream was ended by the server, not left hanging.
      await stream.done;
      expect(stream.ended).toBe(true);
      await Promise.all([rig.api.start(), rig.worker.start()]);
      upAt = Date.now();
      await surging;
      const before = load.published.length;
      await waitFor(() => load.published.length >= before + 4, 60_000, 'publications after');
    } finally {
      await stream.close();
      await load.stop();
    }
    for (const exit of exits) expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);

    // Every answer is a success or a problem document.
    expect(improperAnswers(load.exchanges)).toEqual([]);
    // Requests without an answer met a closed door while the API stopped or was down (the
    // listener closed, or a connection the API had not read a request from yet was shut),
    // and did nothing: no report holds the title of an unanswered creation, and no
    // unanswered publication took effect.
    const unanswered = load.exchanges.filter((e) => e.error);
    expect(
      unanswered.filter(
        (e) => !NOT_LISTENING.includes(e.error!) || e.endedAt < termAt || e.startedAt > upAt,
      ),
    ).toEqual([]);
    expect(await rig.reportsTitled(unanswered.map((e) => e.title!).filter(Boolean))).toEqual([]);
    expect(load.silentEffects).toEqual([]);

    const tally = await rig.expectExactlyOnce('sigterm', load.published);
    const inFlight = load.exchanges.filter((e) => e.startedAt <= termAt && e.endedAt >= termAt);
    const outcomes: Record<string, number> = {};
    for (const e of inFlight)
      outcomes[String(e.status ?? e.error)] = (outcomes[String(e.status ?? e.error)] ?? 0) + 1;
    const errors: Record<string, number> = {};
    for (const e of unanswered) errors[e.error!] = (errors[e.error!] ?? 0) + 1;
    await rig.record({
      scenario:
        'SIGTERM to the API and the worker during a surge of 16 publications, both restarted',
      requests: load.exchanges.length,
      inFlightAtSigterm: inFlight.length,
      inFlightOutcomes: outcomes,
      unanswered: errors,
      exits,
      ...tally,
    });
  });
});
