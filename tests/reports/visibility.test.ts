import { Factory, type TestUser } from '../support/factories';
import { startApi, TestApi } from '../support/harness';
import { envelope, makeReport } from './report-fixtures';

jest.setTimeout(120000);

const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
const STATES = ['draft', 'submitted', 'published', 'withdrawn'] as const;
const VIEWERS = [
  'author',
  'teamLead',
  'teamOfficer',
  'teamObserver',
  'distributionMember',
  'otherTeamMember',
  'redRecipient',
  'admin',
  'auditor',
] as const;
type Viewer = (typeof VIEWERS)[number];
type TlpName = (typeof TLPS)[number];
type State = (typeof STATES)[number];

/** docs/domain.md, "Handling under TLP 2.0": who may read a report of this TLP in this state. */
function mayRead(viewer: Viewer, tlp: TlpName, state: State): boolean {
  if (viewer === 'author' || viewer === 'teamLead') return true;
  if (state === 'draft' || state === 'submitted') return false;
  if (tlp === 'CLEAR' || tlp === 'GREEN') return true;
  if (tlp === 'RED') return viewer === 'redRecipient';
  return ['teamOfficer', 'teamObserver', 'distributionMember'].includes(viewer);
}

describe('the visibility matrix (read, list, search)', () => {
  let api: TestApi;
  let users: Record<Viewer, TestUser>;
  let teamA: string;
  const reports: Array<{ id: string; tlp: TlpName; state: State; word: string }> = [];

  beforeAll(async () => {
    api = await startApi();
    const f = new Factory(api);
    const [a, b, c] = await Promise.all([f.team(), f.team(), f.team()]);
    teamA = a.id;
    const [
      author,
      teamLead,
      teamOfficer,
      teamObserver,
      distributionMember,
      otherTeamMember,
      redRecipient,
      admin,
      auditor,
    ] = await Promise.all([
      f.user({ teams: [[a.id, 'officer']] }),
      f.user({ teams: [[a.id, 'lead']] }),
      f.user({ teams: [[a.id, 'officer']] }),
      f.user({ teams: [[a.id, 'observer']] }),
      f.user({ teams: [[b.id, 'observer']] }),
      f.user({ teams: [[c.id, 'lead']] }),
      f.user({ teams: [[c.id, 'officer']] }),
      f.user({ globalRole: 'admin' }),
      f.user({ globalRole: 'auditor' }),
    ]);
    users = {
      author,
      teamLead,
      teamOfficer,
      teamObserver,
      distributionMember,
      otherTeamMember,
      redRecipient,
      admin,
      auditor,
    };
    for (const tlp of TLPS) {
      for (const state of STATES) {
        const word = `zq${tlp.replace('+', '').toLowerCase()}${state}`;
        const distribution =
          tlp === 'RED'
            ? { userIds: [redRecipient.id] }
            : tlp.startsWith('AMBER')
              ? { teamIds: [b.id] }
              : undefined;
        const r = await makeReport(
          api,
          author,
          teamLead,
          envelope(a.id, 'modus_operandi', { tlp, distribution, title: `Boat departures ${word}` }),
          state,
        );
        reports.push({ id: r.id, tlp, state, word });
      }
    }
  });
  afterAll(() => api.close());

  const cells = TLPS.flatMap((tlp) =>
    STATES.flatMap((state) => VIEWERS.map((viewer) => [tlp, state, viewer] as const)),
  );

  it.each(cells)('%s %s as %s', async (tlp, state, viewer) => {
    const report = reports.find((r) => r.tlp === tlp && r.state === state)!;
    const token = users[viewer].token;
    const expected = mayRead(viewer, tlp, state);

    const single = await api.get(`/reports/${report.id}`, { token });
    expect(single.status).toBe(expected ? 200 : 404);
    const versions = await api.get(`/reports/${report.id}/versions`, { token });
    expect(versions.status).toBe(expected ? 200 : 404);

    const listed = await api.get(`/reports?status=${state}&teamId=${teamA}&limit=200`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.some((i: { id: string }) => i.id === report.id)).toBe(expected);
    expect(listed.body.items.every((i: { body?: unknown }) => i.body === undefined)).toBe(true);

    const searched = await api.get(`/reports?status=${state}&q=${report.word}`, { token });
    expect(searched.status).toBe(200);
    expect(searched.body.items.map((i: { id: string }) => i.id)).toEqual(
      expected ? [report.id] : [],
    );
  });

  it('every list row is readable by its caller: the counts match the rule exactly', async () => {
    for (const viewer of VIEWERS) {
      for (const state of STATES) {
        const res = await api.get(`/reports?status=${state}&limit=200`, {
          token: users[viewer].token,
        });
        const expected = reports.filter(
          (r) => r.state === state && mayRead(viewer, r.tlp, r.state),
        ).length;
        expect([viewer, state, res.body.items.length]).toEqual([viewer, state, expected]);
      }
    }
  });
});
