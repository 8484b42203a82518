import { createCast, Factory, type Cast, type TestUser } from '../support/factories';
import { withAdmin } from '../support/db';
import { startApi, TestApi } from '../support/harness';
import { auditRows, outboxRows } from './report-db';
import { BODIES, envelope, makeReport } from './report-fixtures';

jest.setTimeout(60000);

describe('report lifecycle', () => {
  let api: TestApi;
  let cast: Cast;
  const token = (u: TestUser | null) => (u ? { token: u.token } : {});

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
  });
  afterAll(() => api.close());

  describe('POST /reports', () => {
    it.each([
      ['anonymous', null, 401],
      ['suspended', 'suspended', 401],
      ['observer', 'observer', 403],
      ['lead of another team', 'otherLead', 403],
      ['officer of another team', 'otherOfficer', 403],
      ['admin', 'admin', 403],
      ['auditor', 'auditor', 403],
      ['officer', 'officer', 201],
      ['lead', 'lead', 201],
    ] as const)('%s -> %s', async (_who, key, status) => {
      const user = key ? cast[key] : null;
      const res = await api.post('/reports', envelope(cast.teamA.id), token(user));
      expect(res.status).toBe(status);
      if (status === 201) {
        expect(res.body).toMatchObject({
          status: 'draft',
          version: 1,
          authorId: user!.id,
          tlp: 'GREEN',
        });
        expect(res.body.countries).toEqual(['AUS', 'IND', 'LKA', 'MYS', 'THA', 'XXA']);
        const audit = await auditRows(api, res.body.id, 'report.create');
        expect(audit).toHaveLength(1);
        expect(JSON.stringify(audit[0].details)).not.toContain('Forged');
      } else {
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      if (status === 403) {
        const denied = await api.db.query(
          `SELECT 1 FROM audit_events WHERE action = 'report.create.denied' AND actor_id = $1`,
          [user!.id],
        );
        expect(denied.length).toBeGreaterThan(0);
      }
    });

    it("records the request's address and id with the draft's audit row", async () => {
      const res = await api.post('/reports', envelope(cast.teamA.id), token(cast.officer));
      expect(res.status).toBe(201);
      const [row] = await api.db.query(
        `SELECT ip, request_id FROM audit_events WHERE action = 'report.create' AND target_id = $1`,
        [res.body.id],
      );
      expect(row.ip).toMatch(/127\.0\.0\.1/);
      expect(row.request_id).toBe(res.headers.get('x-request-id'));
    });

    it('writes no draft when its audit row cannot be written (one statement, both or neither)', async () => {
      const title = 'Refused by the audit log';
      const asOwner = (sql: string) => withAdmin((c) => c.query(sql), api.database.url);
      await asOwner(`
        CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$`);
      await asOwner(`
        CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW
        WHEN (NEW.action = 'report.create') EXECUTE FUNCTION test_refuse_audit()`);
      try {
        const before = await api.db.query(`SELECT count(*)::int AS n FROM reports`);
        const res = await api.post(
          '/reports',
          { ...envelope(cast.teamA.id), title },
          token(cast.officer),
        );
        expect(res.status).toBe(500);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(JSON.stringify(res.body)).not.toContain('audit refused');
        const after = await api.db.query(`SELECT count(*)::int AS n FROM reports`);
        expect(after[0].n).toBe(before[0].n);
        const titled = await api.db.query(`SELECT 1 FROM reports WHERE title = $1`, [title]);
        expect(titled).toHaveLength(0);
      } finally {
        await asOwner(`DROP TRIGGER test_refuse_audit ON audit_events`);
        await asOwner(`DROP FUNCTION test_refuse_audit()`);
      }
    });
  });

  describe('transitions by role', () => {
    // who -> expected status, for a report in the given state, authored by cast.officer (team A)
    const cases: Array<
      [
        string,
        'draft' | 'submitted' | 'published',
        string,
        Record<string, unknown>,
        Record<string, number>,
      ]
    > = [
      [
        'submit',
        'draft',
        'submit',
        {},
        {
          officer: 200,
          lead: 403,
          observer: 404,
          otherLead: 404,
          otherOfficer: 404,
          admin: 404,
          auditor: 404,
          suspended: 401,
          anonymous: 401,
        },
      ],
      [
        'return',
        'submitted',
        'return',
        { comment: 'add the detection points' },
        {
          lead: 200,
          officer: 403,
          observer: 404,
          otherLead: 404,
          admin: 404,
          auditor: 404,
          anonymous: 401,
        },
      ],
      [
        'publish',
        'submitted',
        'publish',
        {},
        {
          lead: 200,
          officer: 403,
          observer: 404,
          otherLead: 404,
          admin: 404,
          auditor: 404,
          anonymous: 401,
        },
      ],
      [
        'withdraw',
        'published',
        'withdraw',
        { reason: 'superseded by a new report' },
        {
          officer: 200,
          observer: 403,
          otherLead: 403,
          otherOfficer: 403,
          admin: 403,
          auditor: 403,
          anonymous: 401,
          suspended: 401,
        },
      ],
      ['withdraw by lead', 'published', 'withdraw', { reason: 'superseded' }, { lead: 200 }],
    ];
    for (const [name, state, path, json, expected] of cases) {
      for (const [who, status] of Object.entries(expected)) {
        it(`${name} of a ${state} report as ${who} -> ${status}`, async () => {
          const r = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), state);
          const user = who === 'anonymous' ? null : (cast[who as keyof Cast] as TestUser);
          const res = await api.post(`/reports/${r.id}/${path}`, json, token(user));
          expect(res.status).toBe(status);
          if (status === 403) {
            const denied = await auditRows(api, r.id, `report.${path}.denied`);
            expect(denied).toEqual([
              expect.objectContaining({ outcome: 'denied', actor_id: user!.id }),
            ]);
          }
        });
      }
    }
  });

  it('walks draft -> submitted -> returned -> submitted -> published -> withdrawn with audit and outbox', async () => {
    const r = await makeReport(
      api,
      cast.officer,
      cast.lead,
      envelope(cast.teamA.id, 'modus_operandi', { tlp: 'AMBER' }),
      'draft',
    );
    expect((await api.post(`/reports/${r.id}/submit`, {}, token(cast.officer))).body.status).toBe(
      'submitted',
    );
    const returned = await api.post(
      `/reports/${r.id}/return`,
      { comment: 'name the route' },
      token(cast.lead),
    );
    expect(returned.body).toMatchObject({ status: 'draft', returnComment: 'name the route' });
    expect((await api.post(`/reports/${r.id}/submit`, {}, token(cast.officer))).status).toBe(200);
    const published = await api.post(`/reports/${r.id}/publish`, {}, token(cast.lead));
    expect(published.body).toMatchObject({ status: 'published', version: 1, returnComment: null });
    expect(published.body.publishedAt).toBeTruthy();
    const withdrawn = await api.post(
      `/reports/${r.id}/withdraw`,
      { reason: 'obsolete' },
      token(cast.officer),
    );
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'obsolete' });
    const read = await api.get(`/reports/${r.id}`, token(cast.observer));
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('withdrawn');

    const actions = (await auditRows(api, r.id))
      .filter((a) => a.outcome === 'success')
      .map((a) => a.action);
    expect(actions.filter((a) => a !== 'report.read')).toEqual([
      'report.create',
      'report.submit',
      'report.return',
      'report.submit',
      'report.publish',
      'report.withdraw',
    ]);
    for (const a of await auditRows(api, r.id)) {
      expect(Object.keys(a.details).sort()).toEqual(expect.arrayContaining(['tlp']));
      const text = JSON.stringify(a.details);
      expect(text).not.toContain('name the route');
      expect(text).not.toContain('obsolete');
      expect(text).not.toContain('Forged');
    }
    const outbox = await outboxRows(api, r.id);
    expect(outbox.map((o) => o.type)).toEqual([
      'report.submitted',
      'report.returned',
      'report.submitted',
      'report.published',
      'report.withdrawn',
    ]);
    expect(outbox[3].payload).toEqual({ reportId: r.id, version: 1, actorId: cast.lead.id });
  });

  it('refuses transitions from the wrong state with 409', async () => {
    const r = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'published');
    expect((await api.post(`/reports/${r.id}/publish`, {}, token(cast.lead))).status).toBe(409);
    expect((await api.post(`/reports/${r.id}/submit`, {}, token(cast.officer))).status).toBe(409);
    expect(
      (await api.post(`/reports/${r.id}/return`, { comment: 'x' }, token(cast.lead))).status,
    ).toBe(409);
    const d = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'draft');
    expect(
      (await api.post(`/reports/${d.id}/withdraw`, { reason: 'x' }, token(cast.officer))).status,
    ).toBe(409);
    expect(
      (await api.post(`/reports/${d.id}/return`, { comment: 'x' }, token(cast.lead))).status,
    ).toBe(409);
    const w = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'withdrawn');
    expect(
      (await api.post(`/reports/${w.id}/withdraw`, { reason: 'x' }, token(cast.lead))).status,
    ).toBe(409);
    expect((await api.patch(`/reports/${w.id}`, { title: 'New' }, token(cast.lead))).status).toBe(
      409,
    );
  });

  it('a lead publishes a draft directly', async () => {
    const r = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'draft');
    const res = await api.post(`/reports/${r.id}/publish`, {}, token(cast.lead));
    expect(res.status).toBe(200);
    expect((await auditRows(api, r.id, 'report.publish'))[0].details).toMatchObject({
      from: 'draft',
      tlp: 'GREEN',
    });
  });

  it('serialises concurrent publications: one wins, the others are 409', async () => {
    const r = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'submitted');
    const results = await Promise.all(
      [1, 2, 3].map(() => api.post(`/reports/${r.id}/publish`, {}, token(cast.lead))),
    );
    expect(results.map((x) => x.status).sort()).toEqual([200, 409, 409]);
    expect(await outboxRows(api, r.id)).toHaveLength(2); // submitted + one published
  });

  it('requires a comment to return and a reason to withdraw (400)', async () => {
    const r = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'submitted');
    const res = await api.post(`/reports/${r.id}/return`, {}, token(cast.lead));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'comment' })]),
    );
    const p = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'published');
    const w = await api.post(
      `/reports/${p.id}/withdraw`,
      { reason: 'x'.repeat(2001) },
      token(cast.lead),
    );
    expect(w.status).toBe(400);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['0196a3a4-0000-7000-8000-000000000000', 'not-a-uuid']) {
      expect((await api.get(`/reports/${id}`, token(cast.lead))).status).toBe(404);
      expect((await api.get(`/reports/${id}/versions`, token(cast.lead))).status).toBe(404);
      expect((await api.post(`/reports/${id}/publish`, {}, token(cast.lead))).status).toBe(404);
      expect((await api.patch(`/reports/${id}`, { title: 'x' }, token(cast.lead))).status).toBe(
        404,
      );
    }
  });

  describe('PATCH', () => {
    it('changes a draft in place (author or lead), never type or teamId', async () => {
      const r = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id), 'draft');
      const byAuthor = await api.patch(
        `/reports/${r.id}`,
        { title: 'Renamed', urgent: true },
        token(cast.officer),
      );
      expect(byAuthor.status).toBe(200);
      expect(byAuthor.body).toMatchObject({
        title: 'Renamed',
        urgent: true,
        version: 1,
        status: 'draft',
        summary: r.summary,
      });
      const body = { ...BODIES.visa_fraud_trend(), issuingCountry: 'PAK', route: undefined };
      const byLead = await api.patch(`/reports/${r.id}`, { body }, token(cast.lead));
      expect(byLead.status).toBe(200);
      expect(byLead.body.body.issuingCountry).toBe('PAK');
      expect(byLead.body.body.route).toBeUndefined();
      expect(byLead.body.countries).toEqual(['LKA', 'PAK', 'THA', 'XXA']);
      expect((await api.get(`/reports/${r.id}/versions`, token(cast.lead))).body.items).toEqual([]);
      for (const bad of [{ type: 'modus_operandi' }, { teamId: cast.teamB.id }]) {
        const res = await api.patch(`/reports/${r.id}`, bad, token(cast.lead));
        expect(res.status).toBe(400);
      }
      const badBody = await api.patch(
        `/reports/${r.id}`,
        { body: { ...body, fraudType: 'magic', extra: 1 } },
        token(cast.lead),
      );
      expect(badBody.status).toBe(400);
      expect(badBody.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['body.fraudType', 'body.extra']),
      );
      expect(await outboxRows(api, r.id)).toEqual([]);
      expect(
        (await api.patch(`/reports/${r.id}`, { title: 'x' }, token(cast.observer))).status,
      ).toBe(404);
      expect(
        (await api.patch(`/reports/${r.id}`, { title: 'x' }, token(cast.otherLead))).status,
      ).toBe(404);
    });

    it('refuses a submitted report with 409 and a non-author officer with 403', async () => {
      const r = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id),
        'submitted',
      );
      expect(
        (await api.patch(`/reports/${r.id}`, { title: 'x' }, token(cast.officer))).status,
      ).toBe(409);
      expect((await api.patch(`/reports/${r.id}`, { title: 'x' }, token(cast.lead))).status).toBe(
        409,
      );
    });

    it('amends a published report as a new version; old versions stay unchanged', async () => {
      const r = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', {
          tlp: 'AMBER',
          distribution: { teamIds: [cast.teamB.id] },
        }),
        'published',
      );
      expect(
        (await api.patch(`/reports/${r.id}`, { title: 'x' }, token(cast.officer))).status,
      ).toBe(403);
      expect(
        (await api.patch(`/reports/${r.id}`, { title: 'x' }, token(cast.otherLead))).status,
      ).toBe(403);
      expect(
        (await api.patch(`/reports/${r.id}`, { title: 'x' }, token(cast.observer))).status,
      ).toBe(403);
      const amended = await api.patch(
        `/reports/${r.id}`,
        { title: 'Amended title', tlp: 'AMBER+STRICT' },
        token(cast.lead),
      );
      expect(amended.status).toBe(200);
      expect(amended.body).toMatchObject({
        version: 2,
        status: 'published',
        title: 'Amended title',
        tlp: 'AMBER+STRICT',
      });
      expect(amended.body.distribution).toEqual({ teamIds: [cast.teamA.id, cast.teamB.id] });
      const again = await api.patch(`/reports/${r.id}`, { summary: 'Third' }, token(cast.lead));
      expect(again.body.version).toBe(3);
      const versions = await api.get(`/reports/${r.id}/versions`, token(cast.otherOfficer));
      expect(versions.status).toBe(200);
      expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
      expect(versions.body.items[0]).toMatchObject({
        title: r.title,
        tlp: 'AMBER',
        summary: r.summary,
        createdBy: cast.lead.id,
      });
      expect(versions.body.items[0].distribution).toEqual({
        teamIds: [cast.teamA.id, cast.teamB.id],
      });
      expect(versions.body.items[1]).toMatchObject({ title: 'Amended title', tlp: 'AMBER+STRICT' });
      expect(versions.body.items[2].summary).toBe('Third');
      const outbox = await outboxRows(api, r.id);
      expect(
        outbox.filter((o) => o.type === 'report.amended').map((o) => o.payload.version),
      ).toEqual([2, 3]);
      const updates = await auditRows(api, r.id, 'report.update');
      expect(updates.map((u) => u.details)).toEqual([
        expect.objectContaining({ version: 2, amended: true, tlp: 'AMBER+STRICT' }),
        expect.objectContaining({ version: 3, amended: true }),
      ]);
      const reads = await auditRows(api, r.id, 'report.read');
      expect(reads).toEqual([
        expect.objectContaining({
          actor_id: cast.otherOfficer.id,
          details: expect.objectContaining({ tlp: 'AMBER+STRICT', version: 3 }),
        }),
      ]);
      // history is immutable in the database itself
      await expect(
        api.db.query(`UPDATE report_versions SET title = 'x' WHERE report_id = $1`, [r.id]),
      ).rejects.toThrow(/append-only/);
    });

    it('changing TLP drops a distribution that no longer applies', async () => {
      const r = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', {
          tlp: 'AMBER',
          distribution: { teamIds: [cast.teamB.id] },
        }),
        'draft',
      );
      const green = await api.patch(`/reports/${r.id}`, { tlp: 'GREEN' }, token(cast.officer));
      expect(green.body).toMatchObject({ tlp: 'GREEN', distribution: null });
      const red = await api.patch(`/reports/${r.id}`, { tlp: 'RED' }, token(cast.officer));
      expect(red.status).toBe(400);
      expect(red.body.errors).toEqual([expect.objectContaining({ field: 'distribution.userIds' })]);
      const red2 = await api.patch(
        `/reports/${r.id}`,
        { tlp: 'RED', distribution: { userIds: [cast.otherOfficer.id] } },
        token(cast.officer),
      );
      expect(red2.body).toMatchObject({
        tlp: 'RED',
        distribution: { userIds: [cast.otherOfficer.id] },
      });
      const amber = await api.patch(`/reports/${r.id}`, { tlp: 'AMBER' }, token(cast.officer));
      expect(amber.body.distribution).toEqual({ teamIds: [cast.teamA.id] });
    });
  });

  it('audits reads of AMBER, AMBER+STRICT and RED reports, not of CLEAR and GREEN', async () => {
    for (const [tlp, extra, audited] of [
      ['CLEAR', {}, false],
      ['GREEN', {}, false],
      ['AMBER', {}, true],
      ['AMBER+STRICT', {}, true],
      ['RED', { distribution: { userIds: [cast.otherOfficer.id] } }, true],
    ] as const) {
      const r = await makeReport(
        api,
        cast.officer,
        cast.lead,
        envelope(cast.teamA.id, 'visa_fraud_trend', { tlp, ...extra }),
        'published',
      );
      expect((await api.get(`/reports/${r.id}`, token(cast.lead))).status).toBe(200);
      expect((await api.get(`/reports/${r.id}/versions`, token(cast.lead))).status).toBe(200);
      const reads = await auditRows(api, r.id, 'report.read');
      expect(reads).toHaveLength(audited ? 2 : 0);
      if (audited) expect(reads[0].details).toMatchObject({ tlp, version: 1 });
    }
  });

  it('keeps one official statistics figure per (country, period): a second publication is 409', async () => {
    const payload = envelope(cast.teamA.id, 'migration_statistics', {
      body: BODIES.migration_statistics('2026-05', 'MYS'),
    });
    const first = await makeReport(api, cast.officer, cast.lead, payload, 'published');
    const second = await makeReport(
      api,
      cast.officer,
      cast.lead,
      { ...payload, title: 'Second figure' },
      'draft',
    );
    const res = await api.post(`/reports/${second.id}/publish`, {}, token(cast.lead));
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain(first.id);
    expect((await api.get(`/reports/${second.id}`, token(cast.lead))).body.status).toBe('draft');
    expect((await outboxRows(api, second.id)).map((o) => o.type)).toEqual([]);
    await api.post(`/reports/${first.id}/withdraw`, { reason: 'replaced' }, token(cast.lead));
    expect((await api.post(`/reports/${second.id}/publish`, {}, token(cast.lead))).status).toBe(
      200,
    );
  });
});
