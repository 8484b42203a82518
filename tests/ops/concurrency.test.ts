import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { fanoutDone } from '../notifications/notify-helpers';
import { envelope, makeReport } from '../reports/report-fixtures';
import { obs, ReportDriver, trainingOfferBody } from '../statistics/support/report-driver';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { HttpResult, startApi, startWorker, TestApi, waitFor } from '../support/harness';

/**
 * Issue 12, section 4: three races with exact outcomes. Each fires its requests at once
 * over HTTP against the real API and PostgreSQL, then checks every answer and the rows
 * they left: no answer may be a 5xx, and the database must say the same as the answers.
 */
jest.setTimeout(180_000);

const isProblem = (res: HttpResult): boolean =>
  (res.headers.get('content-type') ?? '').startsWith('application/problem+json');

/** Runs `work` over `items`, `width` at a time (sign-ins hash with argon2 on 2 cores). */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return out;
}

describe('concurrency: exact results', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;
  let reports: ReportDriver;

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
    reports = new ReportDriver(api);
  }, 120_000);
  afterAll(() => api?.close(), 60_000);

  it('50 parallel accepts on 5 seats: 5 accepted, 45 refused with a 409 problem, never a seat more', async () => {
    const offer = await reports.published(
      cast.lead,
      cast.teamA,
      'training_offer',
      trainingOfferBody({ seats: 5 }),
    );
    const requesters = await inBatches(Array.from({ length: 50 }), 10, () =>
      factory.user({ teams: [[cast.teamB.id, 'officer']], memberCode: 'LKA' }),
    );
    const enrolments = await inBatches(requesters, 10, async (user) => {
      const res = await api.post(
        `/reports/${offer}/enrolments`,
        { seats: 1 },
        { token: user.token },
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    });

    const answers = await Promise.all(
      enrolments.map((id) =>
        api.post(
          `/enrolments/${id}/decision`,
          { decision: 'accepted' },
          { token: cast.lead.token },
        ),
      ),
    );

    const accepted = enrolments.filter((_, i) => answers[i].status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const [i, id] of enrolments.entries()) {
      const answer = answers[i];
      if (answer.status === 200) {
        expect(answer.body).toMatchObject({ id, status: 'accepted', seats: 1 });
      } else {
        expect(isProblem(answer)).toBe(true);
        expect(answer.body).toMatchObject({ status: 409, detail: expect.stringMatching(/exceed/) });
      }
    }
    // The rows agree with the answers: the five that were told "accepted", the rest pending.
    const rows: Array<{ id: string; status: string; seats: number }> = await api.db.query(
      'SELECT id, status, seats FROM enrolments WHERE report_id = $1',
      [offer],
    );
    expect(
      rows
        .filter((r) => r.status === 'accepted')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...accepted].sort());
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(45);
    expect(rows.filter((r) => r.status === 'accepted').reduce((n, r) => n + r.seats, 0)).toBe(5);
    // One audit row and one outbox event per acceptance; a refusal leaves neither.
    const audited: Array<{ target_id: string }> = await api.db.query(
      `SELECT target_id FROM audit_events
        WHERE action = 'enrolment.decide' AND outcome = 'success' AND target_id = ANY($1::text[])`,
      [enrolments],
    );
    expect(audited.map((a) => a.target_id).sort()).toEqual([...accepted].sort());
    const told: Array<{ id: string }> = await api.db.query(
      `SELECT payload->>'enrolmentId' AS id FROM outbox_events
        WHERE type = 'enrolment.decided' AND payload->>'reportId' = $1`,
      [offer],
    );
    expect(told.map((t) => t.id).sort()).toEqual([...accepted].sort());
    // The offer stays full: a late accept is refused the same way.
    const late = enrolments.find((id) => !accepted.includes(id))!;
    const again = await api.post(
      `/enrolments/${late}/decision`,
      { decision: 'accepted' },
      { token: cast.lead.token },
    );
    expect(again.status).toBe(409);
  });

  it('20 parallel publications of one official figure: one published, 19 refused with a 409 problem naming it, the ledger holding it alone', async () => {
    const figure = (count: number) => ({
      reportingCountry: 'LKA',
      period: '2024-11',
      observations: [
        obs('irregular_border_crossing', 'MMR', 'land', count),
        obs('refusal_of_entry', 'BGD', 'air', count * 10),
      ],
    });
    // Ten drafts in each of two teams, each with counts of its own, so the ledger tells
    // which one it holds.
    const drafts: Array<{ id: string; lead: TestUser; count: number }> = [];
    for (let i = 0; i < 20; i++) {
      const [lead, team] = i % 2 === 0 ? [cast.lead, cast.teamA] : [cast.otherLead, cast.teamB];
      const count = i + 1;
      drafts.push({
        id: await reports.create(lead, team, 'migration_statistics', figure(count)),
        lead,
        count,
      });
    }

    const answers = await Promise.all(drafts.map((d) => reports.publish(d.id, d.lead)));

    const winners = drafts.filter((_, i) => answers[i].status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    const losers = drafts.filter((d) => d !== winner);
    for (const [i, d] of drafts.entries()) {
      if (d === winner) continue;
      expect(answers[i].status).toBe(409);
      // GREEN: every loser may read the winner, so each refusal names it.
      expect(answers[i].body).toMatchObject({ status: 409, existingReportId: winner.id });
    }
    // The ledger: one figure for the pair, the winner's, with the winner's observations only.
    expect(
      await api.db.query(
        `SELECT report_id FROM statistics_figures WHERE reporting_country = 'LKA' AND period = '2024-11-01'`,
      ),
    ).toEqual([{ report_id: winner.id }]);
    const observed: Array<{ report_id: string; indicator: string; count: number }> =
      await api.db.query(
        `SELECT report_id, indicator, count FROM statistics_observations
          WHERE reporting_country = 'LKA' AND period = '2024-11-01' ORDER BY indicator`,
      );
    expect(observed).toEqual([
      { report_id: winner.id, indicator: 'irregular_border_crossing', count: winner.count },
      { report_id: winner.id, indicator: 'refusal_of_entry', count: winner.count * 10 },
    ]);
    const series = await api.get(
      '/statistics/series?indicator=irregular_border_crossing&groupBy=month&reportingCountry=LKA',
      { token: cast.otherOfficer.token },
    );
    expect(series.status).toBe(200);
    expect(series.body.series).toEqual([
      expect.objectContaining({ key: '2024-11', count: winner.count }),
    ]);
    // The losers are drafts as before: no version, no audit row, no outbox event.
    const states: Array<{ id: string; status: string }> = await api.db.query(
      'SELECT id, status FROM reports WHERE id = ANY($1::uuid[])',
      [drafts.map((d) => d.id)],
    );
    expect(states.filter((s) => s.status === 'published').map((s) => s.id)).toEqual([winner.id]);
    expect(states.filter((s) => s.status === 'draft')).toHaveLength(19);
    const ids = losers.map((d) => d.id);
    expect(
      await api.db.query(
        'SELECT report_id FROM report_versions WHERE report_id = ANY($1::uuid[])',
        [ids],
      ),
    ).toEqual([]);
    expect(
      await api.db.query(
        `SELECT target_id FROM audit_events
          WHERE action = 'report.publish' AND outcome = 'success' AND target_id = ANY($1::text[])`,
        [drafts.map((d) => d.id)],
      ),
    ).toEqual([{ target_id: winner.id }]);
    expect(
      await api.db.query(
        `SELECT payload->>'reportId' AS id FROM outbox_events
          WHERE type = 'report.published' AND payload->>'reportId' = ANY($1::text[])`,
        [drafts.map((d) => d.id)],
      ),
    ).toEqual([{ id: winner.id }]);
  });

  describe('a membership removed while its holder has requests in flight', () => {
    const WORD = 'zqmembershiprace';
    let holder: TestUser;
    /** Team A's AMBER reports: three visa fraud trends (their titles hold WORD), one figure. */
    let amber: string[];
    let trends: string[];
    let green: string;
    /** Unread notifications the holder keeps whatever the team: not about team A's AMBER. */
    let unreadBesides: number;
    let worker: RunningWorker | undefined;

    beforeAll(async () => {
      holder = await factory.user({ teams: [[cast.teamA.id, 'officer']], displayName: 'Holder' });
      worker = await startWorker(api);
      amber = [];
      for (let i = 0; i < 3; i++) {
        const report = await makeReport(
          api,
          cast.officer,
          cast.lead,
          envelope(cast.teamA.id, 'visa_fraud_trend', {
            tlp: 'AMBER',
            distribution: { teamIds: [] },
            title: `Team A only ${WORD} ${i}`,
          }),
        );
        amber.push(report.id);
      }
      trends = [...amber];
      // An AMBER figure of team A: the statistics series counts it for team A alone.
      amber.push(
        await reports.published(
          cast.lead,
          cast.teamA,
          'migration_statistics',
          {
            reportingCountry: 'MDV',
            period: '2025-02',
            observations: [obs('irregular_border_crossing', 'MMR', 'sea', 7)],
          },
          { tlp: 'AMBER' },
        ),
      );
      green = (
        await makeReport(
          api,
          cast.otherOfficer,
          cast.otherLead,
          envelope(cast.teamB.id, 'visa_fraud_trend', { title: `Everyone ${WORD}` }),
        )
      ).id;
      // The holder's inbox tells of each, as the fan-out made it.
      for (const id of [...amber, green]) await fanoutDone(api, worker, 'report.published', id);
      await worker.close();
      worker = undefined;
      const count = await api.get('/notifications/unread-count', { token: holder.token });
      unreadBesides = count.body.count - amber.length;
    }, 120_000);
    afterAll(() => worker?.close());

    /** 'old' (the rights before the removal), 'new' (after it), or what is wrong with the answer. */
    type Verdict = string;
    interface Probe {
      name: string;
      run(): Promise<HttpResult>;
      /** Which rights the answer reflects, or a description of what is wrong with it. */
      judge(res: HttpResult): Verdict;
    }

    /** A report list shows team A's AMBER trend reports all (old rights) or none (new ones). */
    const listed = (res: HttpResult, mustHave: string[]): Verdict => {
      if (res.status !== 200) return `status ${res.status}`;
      const ids: string[] = res.body.items.map((r: { id: string }) => r.id);
      if (!mustHave.every((id) => ids.includes(id))) return 'a readable report is missing';
      const shown = trends.filter((id) => ids.includes(id));
      return shown.length === 0 ? 'new' : shown.length === trends.length ? 'old' : 'mixed';
    };
    const readOrNotFound = (res: HttpResult): Verdict =>
      res.status === 200
        ? 'old'
        : res.status === 404 && isProblem(res)
          ? 'new'
          : `status ${res.status}`;

    const probes = (): Probe[] => {
      const as = { token: holder.token };
      return [
        {
          name: 'GET /reports/:id',
          run: () => api.get(`/reports/${amber[0]}`, as),
          judge: readOrNotFound,
        },
        {
          name: 'GET /reports/:id/versions',
          run: () => api.get(`/reports/${amber[1]}/versions`, as),
          judge: readOrNotFound,
        },
        {
          name: 'GET /reports?tlp=AMBER',
          run: () => api.get(`/reports?tlp=AMBER&type=visa_fraud_trend&limit=50`, as),
          judge: (res) => listed(res, []),
        },
        {
          name: 'GET /reports?q=',
          run: () => api.get(`/reports?q=${WORD}&limit=50`, as),
          judge: (res) => listed(res, [green]),
        },
        {
          name: 'GET /notifications',
          run: () => api.get('/notifications?limit=100', as),
          judge: (res) => {
            if (res.status !== 200) return `status ${res.status}`;
            const about: string[] = res.body.items.map((n: { reportId: string }) => n.reportId);
            if (!about.includes(green)) return 'the GREEN notification is missing';
            const shown = amber.filter((id) => about.includes(id));
            return shown.length === 0 ? 'new' : shown.length === amber.length ? 'old' : 'mixed';
          },
        },
        {
          name: 'GET /notifications/unread-count',
          run: () => api.get('/notifications/unread-count', as),
          judge: (res) =>
            res.status !== 200
              ? `status ${res.status}`
              : res.body.count === unreadBesides + amber.length
                ? 'old'
                : res.body.count === unreadBesides
                  ? 'new'
                  : `count ${res.body.count}`,
        },
        {
          name: 'GET /statistics/series',
          run: () =>
            api.get(
              '/statistics/series?indicator=irregular_border_crossing&groupBy=month&reportingCountry=MDV',
              as,
            ),
          judge: (res) => {
            if (res.status !== 200) return `status ${res.status}`;
            const points = res.body.series as Array<{ key: string; count: number }>;
            if (points.length === 0) return 'new';
            return points.length === 1 && points[0].count === 7 ? 'old' : 'mixed';
          },
        },
      ];
    };

    interface Outcome {
      probe: string;
      startedAt: number;
      endedAt: number;
      view: Verdict;
    }

    it('each in-flight request completes under the old rights or is refused; nothing of the team leaks after the removal commits', async () => {
      const all = probes();
      // Before: every probe sees the old rights.
      for (const probe of all)
        expect([probe.name, probe.judge(await probe.run())]).toEqual([probe.name, 'old']);

      const outcomes: Outcome[] = [];
      let stop = false;
      let removedAt = Infinity;
      /** Four clients, each cycling through the probes back to back, from before to after. */
      const loops = Array.from({ length: 4 }, async (_, lane) => {
        for (let i = lane; ; i++) {
          const probe = all[i % all.length];
          const startedAt = Date.now();
          const res = await probe.run();
          outcomes.push({
            probe: probe.name,
            startedAt,
            endedAt: Date.now(),
            view: probe.judge(res),
          });
          // Enough after the removal: every probe has run twice in each lane since.
          if (stop && outcomes.filter((o) => o.startedAt > removedAt).length >= 8 * all.length)
            return;
        }
      });

      // The removal waits on a lock of ours until the clients are busy, so requests are in
      // flight on both sides of its commit.
      const blocker = api.db.createQueryRunner();
      await blocker.connect();
      let releasedAt = 0;
      let removal: Promise<HttpResult> | undefined;
      try {
        await blocker.startTransaction();
        await blocker.query(
          'SELECT 1 FROM team_memberships WHERE team_id = $1 AND user_id = $2 FOR UPDATE',
          [cast.teamA.id, holder.id],
        );
        removal = api.delete(`/teams/${cast.teamA.id}/members/${holder.id}`, {
          token: cast.lead.token,
        });
        await waitFor(
          async () =>
            (
              await api.db.query(
                `SELECT 1 FROM pg_stat_activity
                  WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            ).length > 0,
          20_000,
          'the removal to wait for the lock',
        );
        await waitFor(() => outcomes.length >= 2 * all.length, 30_000, 'requests before');
        releasedAt = Date.now();
        await blocker.commitTransaction();
      } finally {
        if (blocker.isTransactionActive) await blocker.rollbackTransaction();
        await blocker.release();
      }
      let removed: HttpResult;
      try {
        removed = await removal;
      } finally {
        // The clients run on until they have asked enough after this moment, then stop.
        removedAt = Date.now();
        stop = true;
        await Promise.all(loops);
      }
      expect(removed.status).toBe(204);

      // Every answer is the old view or the new one, never a mixture, an error or a 5xx.
      expect(outcomes.filter((o) => o.view !== 'old' && o.view !== 'new')).toEqual([]);
      // Answered before the commit could happen: the old rights.
      expect(outcomes.filter((o) => o.endedAt < releasedAt && o.view !== 'old')).toEqual([]);
      // Sent once the removal was answered (so committed): the new rights, everywhere.
      const after = outcomes.filter((o) => o.startedAt > removedAt);
      expect(new Set(after.map((o) => o.probe)).size).toBe(all.length);
      expect(after.filter((o) => o.view !== 'new')).toEqual([]);
      // Requests were in flight across the commit (started before its answer, ended after
      // the lock went): the case this test is about happened.
      expect(
        outcomes.filter((o) => o.startedAt < removedAt && o.endedAt > releasedAt).length,
      ).toBeGreaterThan(0);

      expect(
        await api.db.query('SELECT 1 FROM team_memberships WHERE team_id = $1 AND user_id = $2', [
          cast.teamA.id,
          holder.id,
        ]),
      ).toEqual([]);
    });
  });
});
