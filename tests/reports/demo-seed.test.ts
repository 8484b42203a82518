import { DEFAULT_PASSWORD, Factory } from '../support/factories';
import { startApi, TestApi } from '../support/harness';

jest.setTimeout(90000);

describe('scripts/demo/reports.mjs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('seeds reports of every type and TLP over the API', async () => {
    const f = new Factory(api);
    const users: Array<{ email: string; password: string; teamName: string; role: string }> = [];
    for (const [name, country] of [
      ['Bangkok', 'THA'],
      ['Colombo', 'LKA'],
      ['Jakarta', 'IDN'],
      ['Dhaka', 'BGD'],
    ]) {
      const team = await f.team(`Team ${name}`, await f.capital(name, country));
      for (const role of ['lead', 'officer'] as const) {
        const u = await f.user({ teams: [[team.id, role]], signIn: false });
        users.push({ email: u.email, password: DEFAULT_PASSWORD, teamName: team.name, role });
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain ESM script, loaded as Node 24 loads it
    const { seedReports } = require('../../scripts/demo/reports.mjs');
    const counts = await seedReports({ baseUrl: api.baseUrl, users });
    expect(counts.published).toBeGreaterThan(8);
    const rows: Array<{ type: string; tlp: string; n: number }> = await api.db.query(
      `SELECT type, tlp, count(*)::int AS n FROM reports WHERE status = 'published' GROUP BY 1, 2`,
    );
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set(['visa_fraud_trend', 'modus_operandi', 'training_offer', 'migration_statistics']),
    );
    expect(new Set(rows.map((r) => r.tlp))).toEqual(
      new Set(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED']),
    );
  });
});
