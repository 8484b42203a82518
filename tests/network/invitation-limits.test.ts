import { createCast, Factory, type Cast, type TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

jest.setTimeout(120000);

/** Each invitation sends an e-mail: one account may not turn the portal into a mailer. */
describe('invitations per inviter: 50 an hour, then 429', () => {
  let api: TestApi;
  let cast: Cast;
  let counter = 0;

  beforeAll(async () => {
    api = await startApi();
    cast = await createCast(new Factory(api));
  });
  afterAll(() => api.close());

  const invite = (user: TestUser, teamId = cast.teamA.id) =>
    api.post(
      '/invitations',
      {
        email: `limited-${++counter}@rilon.test`,
        displayName: 'New Officer',
        memberCode: 'THA',
        teamId,
        role: 'officer',
      },
      { token: user.token },
    );
  const mails = async (): Promise<number> =>
    (
      await api.db.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'email.send'
          AND payload->>'template' = 'invitation'`,
      )
    )[0].n;

  it("refuses a lead's 51st invitation within the hour, with Retry-After; others go on", async () => {
    for (let i = 0; i < 50; i += 1) expect((await invite(cast.lead)).status).toBe(201);
    const before = await mails();
    const refused = await invite(cast.lead);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await mails()).toBe(before);
    const denied: Array<{ details: Record<string, unknown> }> = await api.db.query(
      `SELECT details FROM audit_events WHERE action = 'invitation.create' AND outcome = 'denied'
        AND actor_id = $1`,
      [cast.lead.id],
    );
    expect(denied).toEqual([{ details: expect.objectContaining({ reason: 'throttled' }) }]);

    // Another inviter has a count of their own.
    expect((await invite(cast.otherLead, cast.teamB.id)).status).toBe(201);
  });

  it('counts an account created without a password (it sends an invitation too)', async () => {
    for (let i = 0; i < 49; i += 1) expect((await invite(cast.admin)).status).toBe(201);
    const user = (n: number, password?: string) =>
      api.post(
        '/users',
        {
          email: `limited-user-${n}@rilon.test`,
          displayName: 'Invited',
          memberCode: 'THA',
          password,
        },
        { token: cast.admin.token },
      );
    expect((await user(1)).status).toBe(201);
    expect((await user(2)).status).toBe(429);
    expect((await invite(cast.admin)).status).toBe(429);
    // An account with a password sends no mail and is not counted.
    expect((await user(3, 'a long enough passphrase')).status).toBe(201);
  });
});
