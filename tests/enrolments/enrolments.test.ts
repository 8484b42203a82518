import { EnrolmentSeats } from '@rilon/reports';
import { Cast, createCast, Factory, TestUser } from '../support/factories';
import { startApi, TestApi, waitFor } from '../support/harness';
import { obs, ReportDriver, trainingOfferBody } from '../statistics/support/report-driver';

// Shared machine: starting the API and the cast can take longer than jest's default 5 s.
jest.setTimeout(60_000);

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('training enrolments', () => {
  let api: TestApi;
  let cast: Cast;
  let factory: Factory;
  let reports: ReportDriver;
  let offer: string;

  const enrol = (reportId: string, user: TestUser | undefined, json: unknown = { seats: 1 }) =>
    api.post(`/reports/${reportId}/enrolments`, json, { token: user?.token });
  const decide = (id: string, user: TestUser | undefined, decision = 'accepted') =>
    api.post(`/enrolments/${id}/decision`, { decision }, { token: user?.token });
  const audits = (action: string, targetId: string) =>
    api.db.query(
      `SELECT actor_id, outcome, details FROM audit_events WHERE action = $1 AND target_id = $2`,
      [action, targetId],
    );
  const outbox = (type: string, enrolmentId: string) =>
    api.db.query(
      `SELECT payload FROM outbox_events WHERE type = $1 AND payload->>'enrolmentId' = $2`,
      [type, enrolmentId],
    );

  beforeAll(async () => {
    api = await startApi();
    factory = new Factory(api);
    cast = await createCast(factory);
    reports = new ReportDriver(api);
    offer = await reports.published(
      cast.lead,
      cast.teamA,
      'training_offer',
      trainingOfferBody({ seats: 3 }),
    );
  });
  afterAll(() => api.close());

  describe('POST /reports/:id/enrolments', () => {
    it('takes a request from officers and leads of any team who may read the offer', async () => {
      for (const user of [cast.officer, cast.lead, cast.otherLead, cast.otherOfficer]) {
        const res = await enrol(offer, user, {
          seats: 2,
          note: 'Two officers from the airport unit',
        });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({ id: expect.any(String), status: 'pending', seats: 2 });
        const [row] = await api.db.query(
          'SELECT user_id, seats, note, status FROM enrolments WHERE id = $1',
          [res.body.id],
        );
        expect(row).toEqual({
          user_id: user.id,
          seats: 2,
          note: 'Two officers from the airport unit',
          status: 'pending',
        });
        expect(await audits('enrolment.create', res.body.id)).toEqual([
          { actor_id: user.id, outcome: 'success', details: { reportId: offer, seats: 2 } },
        ]);
        expect(await outbox('enrolment.requested', res.body.id)).toEqual([
          { payload: { enrolmentId: res.body.id, reportId: offer, actorId: user.id } },
        ]);
      }
    });

    it('answers 409 to a second request for the same offer', async () => {
      const res = await enrol(offer, cast.officer);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const [{ n }] = await api.db.query(
        'SELECT count(*)::int AS n FROM enrolments WHERE report_id = $1 AND user_id = $2',
        [offer, cast.officer.id],
      );
      expect(n).toBe(1);
    });

    it('keeps one request per user and offer when both arrive at once', async () => {
      const fresh = await reports.published(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody(),
      );
      const outcomes = await Promise.all([
        enrol(fresh, cast.otherOfficer),
        enrol(fresh, cast.otherOfficer),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual([201, 409]);
      const [{ n }] = await api.db.query(
        'SELECT count(*)::int AS n FROM enrolments WHERE report_id = $1',
        [fresh],
      );
      expect(n).toBe(1);
    });

    it('refuses observers, administrators and auditors with 403, audited', async () => {
      for (const user of [cast.observer, cast.admin, cast.auditor]) {
        const res = await enrol(offer, user);
        expect(res.status).toBe(403);
        const denied = await api.db.query(
          `SELECT outcome FROM audit_events WHERE action = 'enrolment.create.denied' AND actor_id = $1 AND target_id = $2`,
          [user.id, offer],
        );
        expect(denied).toEqual([{ outcome: 'denied' }]);
      }
      const [{ n }] = await api.db.query(
        'SELECT count(*)::int AS n FROM enrolments WHERE user_id = ANY($1::uuid[])',
        [[cast.observer.id, cast.admin.id, cast.auditor.id]],
      );
      expect(n).toBe(0);
    });

    it('answers 401 without an active session', async () => {
      expect((await enrol(offer, undefined)).status).toBe(401);
      expect((await enrol(offer, cast.suspended)).status).toBe(401);
    });

    it('answers 404 for offers the caller may not read, unpublished offers and other reports', async () => {
      const amber = await reports.published(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody(),
        {
          tlp: 'AMBER',
        },
      );
      expect((await enrol(amber, cast.otherLead)).status).toBe(404);
      expect((await enrol(amber, cast.otherOfficer)).status).toBe(404);
      expect((await enrol(amber, cast.observer)).status).toBe(403);
      const draft = await reports.create(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody(),
      );
      expect((await enrol(draft, cast.lead)).status).toBe(404);
      expect((await enrol(draft, cast.otherLead)).status).toBe(404);
      const withdrawn = await reports.published(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody(),
      );
      await reports.withdraw(withdrawn, cast.lead);
      expect((await enrol(withdrawn, cast.officer)).status).toBe(404);
      const stats = await reports.published(cast.lead, cast.teamA, 'migration_statistics', {
        reportingCountry: 'THA',
        period: '2025-01',
        observations: [obs('illegal_stay', 'MMR', 'inland', 4)],
      });
      expect((await enrol(stats, cast.officer)).status).toBe(404);
      expect((await enrol('01a2204a-0baf-76a0-af36-507e05d040c4', cast.officer)).status).toBe(404);
      expect((await enrol('not-a-uuid', cast.officer)).status).toBe(404);
    });

    it('takes requests until the end of the deadline day (UTC), then answers 422', async () => {
      const today = await reports.published(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody({ applicationDeadline: isoDay(0) }),
      );
      expect((await enrol(today, cast.officer)).status).toBe(201);
      const closed = await reports.published(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody({ applicationDeadline: isoDay(-1) }),
      );
      const late = await enrol(closed, cast.officer);
      expect(late.status).toBe(422);
      expect(late.body.detail).toContain(isoDay(-1));
    });

    it('validates the request body', async () => {
      for (const json of [
        {},
        { seats: 0 },
        { seats: 11 },
        { seats: 1.5 },
        { seats: '2' },
        { seats: 1, note: 'x'.repeat(1001) },
        { seats: 1, note: 7 },
        { seats: 1, status: 'accepted' },
      ]) {
        const res = await enrol(offer, cast.otherOfficer, json);
        expect({ json, status: res.status }).toEqual({ json, status: 400 });
        expect(res.body.errors.length).toBeGreaterThan(0);
      }
    });
  });

  describe('GET /reports/:id/enrolments', () => {
    const list = (reportId: string, user?: TestUser, query = '') =>
      api.get(`/reports/${reportId}/enrolments${query}`, { token: user?.token });

    it('shows every request to the offering team leads, newest first', async () => {
      const res = await list(offer, cast.lead);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items.map((i: { userId: string }) => i.userId)).toEqual(
        [cast.otherOfficer, cast.otherLead, cast.lead, cast.officer].map((u) => u.id),
      );
      expect(res.body.items[3]).toEqual({
        id: expect.any(String),
        reportId: offer,
        userId: cast.officer.id,
        displayName: 'Officer A',
        seats: 2,
        note: 'Two officers from the airport unit',
        status: 'pending',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
        decidedAt: null,
      });
    });

    it('pages with limit and cursor', async () => {
      const first = await list(offer, cast.lead, '?limit=3');
      expect(first.body.items).toHaveLength(3);
      const second = await list(offer, cast.lead, `?limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((i: { userId: string }) => i.userId)).toEqual([cast.officer.id]);
      expect(second.body.nextCursor).toBeNull();
      expect((await list(offer, cast.lead, '?cursor=garbage')).status).toBe(400);
      expect((await list(offer, cast.lead, '?limit=0')).status).toBe(400);
    });

    it('shows others their own requests only', async () => {
      for (const user of [cast.officer, cast.otherLead, cast.otherOfficer]) {
        const res = await list(offer, user);
        expect(res.status).toBe(200);
        expect(res.body.items.map((i: { userId: string }) => i.userId)).toEqual([user.id]);
      }
      for (const user of [cast.observer, cast.admin, cast.auditor]) {
        const res = await list(offer, user);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ items: [], nextCursor: null });
      }
    });

    it('hides offers the caller may not read', async () => {
      const amber = await reports.published(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody(),
        {
          tlp: 'AMBER',
        },
      );
      expect((await list(amber, cast.lead)).status).toBe(200);
      expect((await list(amber, cast.otherLead)).status).toBe(404);
      expect((await list(amber, cast.admin)).status).toBe(404);
      expect((await list('nope', cast.lead)).status).toBe(404);
      expect((await list(offer)).status).toBe(401);
      expect((await list(offer, cast.suspended)).status).toBe(401);
    });
  });

  describe('POST /enrolments/:id/decision', () => {
    let ofOtherOfficer: string;
    let ofOtherLead: string;

    beforeAll(async () => {
      const rows: Array<{ id: string; user_id: string }> = await api.db.query(
        'SELECT id, user_id FROM enrolments WHERE report_id = $1',
        [offer],
      );
      ofOtherOfficer = rows.find((r) => r.user_id === cast.otherOfficer.id)!.id;
      ofOtherLead = rows.find((r) => r.user_id === cast.otherLead.id)!.id;
    });

    it('answers 403 (audited) to the requester and 404 to everyone else but the offering leads', async () => {
      expect((await decide(ofOtherOfficer, cast.otherOfficer)).status).toBe(403);
      expect(await audits('enrolment.decide.denied', ofOtherOfficer)).toEqual([
        { actor_id: cast.otherOfficer.id, outcome: 'denied', details: { reportId: offer } },
      ]);
      for (const user of [cast.observer, cast.officer, cast.otherLead, cast.admin, cast.auditor])
        expect({
          user: user.displayName,
          status: (await decide(ofOtherOfficer, user)).status,
        }).toEqual({
          user: user.displayName,
          status: 404,
        });
      expect((await decide(ofOtherOfficer, undefined)).status).toBe(401);
      expect((await decide(ofOtherOfficer, cast.suspended)).status).toBe(401);
      expect((await decide('not-a-uuid', cast.lead)).status).toBe(404);
      const [row] = await api.db.query('SELECT status FROM enrolments WHERE id = $1', [
        ofOtherOfficer,
      ]);
      expect(row.status).toBe('pending');
    });

    it('lets a lead of the offering team accept, once', async () => {
      const res = await decide(ofOtherOfficer, cast.lead);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: ofOtherOfficer,
          reportId: offer,
          userId: cast.otherOfficer.id,
          displayName: 'Officer B',
          status: 'accepted',
          seats: 2,
          decidedAt: expect.stringMatching(/Z$/),
        }),
      );
      expect(await audits('enrolment.decide', ofOtherOfficer)).toEqual([
        {
          actor_id: cast.lead.id,
          outcome: 'success',
          details: { reportId: offer, decision: 'accepted' },
        },
      ]);
      expect(await outbox('enrolment.decided', ofOtherOfficer)).toEqual([
        { payload: { enrolmentId: ofOtherOfficer, reportId: offer, actorId: cast.lead.id } },
      ]);
      expect((await decide(ofOtherOfficer, cast.lead, 'declined')).status).toBe(409);
      expect((await decide(ofOtherOfficer, cast.lead)).status).toBe(409);
    });

    it('refuses to accept beyond the offer seats, and still lets a lead decline', async () => {
      // 3 seats: 2 accepted, this request wants 2 more.
      const res = await decide(ofOtherLead, cast.lead);
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('exceed');
      const declined = await decide(ofOtherLead, cast.lead, 'declined');
      expect(declined.status).toBe(200);
      expect(declined.body.status).toBe('declined');
    });

    it('validates the decision', async () => {
      for (const json of [{}, { decision: 'maybe' }, { decision: 'accepted', seats: 3 }]) {
        const res = await api.post(`/enrolments/${ofOtherLead}/decision`, json, {
          token: cast.lead.token,
        });
        expect(res.status).toBe(400);
      }
    });
  });

  it('refuses (422) an amendment that cuts the seats below those accepted', async () => {
    // 2 seats are accepted on `offer` (see above).
    await expect(
      api.db.transaction((m) => api.app.get(EnrolmentSeats).assertNotBelowAccepted(m, offer, 1)),
    ).rejects.toMatchObject({ problem: { status: 422 } });
    const cut = await api.patch(
      `/reports/${offer}`,
      { body: trainingOfferBody({ seats: 1 }) },
      { token: cast.lead.token },
    );
    expect(cut.status).toBe(422);
    expect(cut.body.errors).toEqual([expect.objectContaining({ field: 'body.seats' })]);
    const unchanged = await api.get(`/reports/${offer}`, { token: cast.lead.token });
    expect(unchanged.body).toMatchObject({ version: 1, body: { seats: 3 } });
    const kept = await api.patch(
      `/reports/${offer}`,
      { body: trainingOfferBody({ seats: 2 }) },
      { token: cast.lead.token },
    );
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ version: 2 });
  });

  it('never accepts more seats than offered, however many decisions arrive at once', async () => {
    const small = await reports.published(
      cast.lead,
      cast.teamA,
      'training_offer',
      trainingOfferBody({ seats: 5 }),
    );
    const requesters = await Promise.all(
      Array.from({ length: 8 }, () => factory.user({ teams: [[cast.teamB.id, 'officer']] })),
    );
    const ids: string[] = [];
    for (const user of requesters) {
      const res = await enrol(small, user);
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const outcomes = await Promise.all(ids.map((id) => decide(id, cast.lead)));
    const statuses = outcomes.map((o) => o.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 409, 409, 409]);
    const [{ accepted }] = await api.db.query(
      `SELECT COALESCE(SUM(seats), 0)::int AS accepted FROM enrolments WHERE report_id = $1 AND status = 'accepted'`,
      [small],
    );
    expect(accepted).toBe(5);
  });

  /**
   * The request reads the offer before its transaction. A holder transaction locks the offer
   * row so the request blocks between that read and its insert, then withdraws the offer (or
   * moves its deadline) and commits: the request must see the change, not its stale read.
   */
  it.each([
    ['withdrawn', `status = 'withdrawn'`, [], 404],
    [
      'past its deadline',
      `body = jsonb_set(body, '{applicationDeadline}', to_jsonb($2::text))`,
      [isoDay(-2)],
      422,
    ],
  ])(
    'refuses a request whose offer is %s between the first read and the insert',
    async (_what, change, extra, status) => {
      const racy = await reports.published(
        cast.lead,
        cast.teamA,
        'training_offer',
        trainingOfferBody({ seats: 4 }),
      );
      const holder = api.db.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await holder.query('SELECT 1 FROM reports WHERE id = $1 FOR UPDATE', [racy]);
        const pending = enrol(racy, cast.otherOfficer);
        await waitFor(
          async () =>
            (
              await api.db.query(
                `SELECT 1 FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            ).length > 0,
          10_000,
          'the request to wait on the offer row',
        );
        await holder.query(`UPDATE reports SET ${change} WHERE id = $1`, [racy, ...extra]);
        await holder.commitTransaction();
        const res = await pending;
        expect(res.status).toBe(status);
        const [{ n }] = await api.db.query(
          'SELECT count(*)::int AS n FROM enrolments WHERE report_id = $1',
          [racy],
        );
        expect(n).toBe(0);
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    },
  );

  it('refuses forged list cursors with a 400', async () => {
    for (const values of [['1'], [1], ['not-a-uuid'], [null], ['1', '2']]) {
      const cursor = Buffer.from(JSON.stringify(values)).toString('base64url');
      const res = await api.get(`/reports/${offer}/enrolments?cursor=${cursor}`, {
        token: cast.lead.token,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'cursor', message: 'is not a valid cursor' }]);
    }
  });
});
