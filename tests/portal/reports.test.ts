import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { BODIES, envelope, makeReport } from '../reports/report-fixtures';
import type { TestTeam, TestUser } from '../support/factories';
import { waitFor } from '../support/harness';
import { checkScreen, expectOneH1, Portal } from './support/browser';

/**
 * That a locator matches exactly `n` elements, once the page has settled: a list or a
 * report's details may land in a second, deferred render pass, so the count is awaited.
 */
async function expectCount(locator: Locator, n: number): Promise<void> {
  await waitFor(async () => (await locator.count()) === n, 10_000, `${n} match(es)`).catch(
    () => undefined,
  );
  expect(await locator.count()).toBe(n);
}

jest.setTimeout(120_000);

/**
 * The Reports list and the report view as officers see them: filters kept in the address,
 * search, cursor paging, each type's body, TLP banners with recipients, version history,
 * and a report the reader may not see being exactly the Not found page.
 */
describe('portal: reports list and report view', () => {
  let portal: Portal;
  let teamA: TestTeam;
  let teamB: TestTeam;
  let officerA: TestUser;
  let leadA: TestUser;
  let officerB: TestUser;
  const tag = Math.random().toString(36).slice(2, 7);

  // A private copy of the build: another engineer's rebuild swaps dist/portal, and a page
  // of this run must not ask for a chunk that left meanwhile.
  const portalDir = mkdtempSync(join(tmpdir(), 'rilon-portal-'));

  beforeAll(async () => {
    cpSync(join(__dirname, '../../dist/portal'), portalDir, { recursive: true });
    portal = await Portal.start({ env: { PORTAL_DIR: portalDir } });
    teamA = await portal.factory.team('Team Bangkok');
    teamB = await portal.factory.team(
      'Team Colombo',
      await portal.factory.capital('Colombo', 'LKA', 'Asia/Colombo'),
    );
    [officerA, leadA, officerB] = await Promise.all([
      portal.factory.user({ teams: [[teamA.id, 'officer']], displayName: 'Officer Bangkok' }),
      portal.factory.user({ teams: [[teamA.id, 'lead']], displayName: 'Lead Bangkok' }),
      portal.factory.user({
        teams: [[teamB.id, 'officer']],
        displayName: 'Officer Colombo',
        memberCode: 'LKA',
      }),
    ]);
  });
  afterAll(async () => {
    await portal?.close();
    rmSync(portalDir, { recursive: true, force: true });
  });

  const publish = (type: keyof typeof BODIES, overrides: Record<string, unknown>) =>
    makeReport(portal.api, officerA, leadA, envelope(teamA.id, type, overrides));
  const results = (page: Page) => page.getByRole('region', { name: 'Results' });
  const reportLink = (page: Page, title: string) =>
    results(page).getByRole('link', { name: title, exact: true });
  const banners = (page: Page) => page.getByRole('region', { name: /^Handling/ });

  describe('the list', () => {
    const titles = {
      urgentVisa: `Urgent forged passports ${tag}`,
      modus: `Night embarkations ${tag}`,
      training: `Document examination course ${tag}`,
    };

    beforeAll(async () => {
      await publish('visa_fraud_trend', {
        title: titles.urgentVisa,
        urgent: true,
        tlp: 'CLEAR',
        sourceReliability: 'B',
        informationCredibility: '2',
      });
      await publish('modus_operandi', {
        title: titles.modus,
        summary: `Fishing vessels leave at night ${tag}zebra`,
      });
      await publish('training_offer', { title: titles.training, tlp: 'CLEAR' });
    });

    it('reads its filters from the address, writes them back, and survives a reload', async () => {
      const page = await portal.signIn(officerB);
      await page.goto(`/reports?type=modus_operandi&urgent=false&team=${teamA.id}`);
      await expectOneH1(page, 'Reports');
      await reportLink(page, titles.modus).waitFor();
      expect(await page.getByLabel('Type', { exact: true }).inputValue()).toBe('modus_operandi');
      expect(await page.getByLabel('Urgency', { exact: true }).inputValue()).toBe('false');
      expect(await page.getByLabel('Authoring team', { exact: true }).inputValue()).toBe(teamA.id);
      await expectCount(reportLink(page, titles.urgentVisa), 0);
      await expectCount(reportLink(page, titles.training), 0);
      await checkScreen(page, 'reports-filtered');

      await page.getByLabel('Type', { exact: true }).selectOption('visa_fraud_trend');
      await page.getByLabel('Urgency', { exact: true }).selectOption('true');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/type=visa_fraud_trend/);
      expect(new URL(page.url()).searchParams.get('urgent')).toBe('true');
      await reportLink(page, titles.urgentVisa).waitFor();
      await expectCount(reportLink(page, titles.modus), 0);

      // The row: TLP chip, evaluation code with its meaning in words, type, team, urgency.
      const row = results(page).getByRole('listitem').filter({ hasText: titles.urgentVisa });
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('TLP:CLEAR');
      expect(text).toMatch(/B2 \(usually reliable source, known personally to the source\)/);
      expect(text).toContain('Visa and document fraud trend');
      expect(text).toContain('Team Bangkok');
      expect(text).toContain('Urgent');
      expect(text).toContain('Thailand');

      await page.reload();
      await reportLink(page, titles.urgentVisa).waitFor();
      expect(await page.getByLabel('Type', { exact: true }).inputValue()).toBe('visa_fraud_trend');
      expect(await page.getByLabel('Urgency', { exact: true }).inputValue()).toBe('true');

      await page.goBack();
      await page.waitForURL(/type=modus_operandi/);
      await reportLink(page, titles.modus).waitFor();
      expect(await page.getByLabel('Type', { exact: true }).inputValue()).toBe('modus_operandi');

      await page.getByRole('link', { name: 'Clear filters' }).click();
      await page.waitForURL((url) => url.search === '');
      expect(await page.getByLabel('Type', { exact: true }).inputValue()).toBe('');
      await reportLink(page, titles.training).waitFor();
    });

    it('refuses a country that is not a code on its field, and filters by one that is', async () => {
      const page = await portal.signIn(officerB);
      await page.goto('/reports');
      await page.getByLabel('Country', { exact: true }).fill('Thai');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByRole('alert').getByText('Enter a three-letter country code').waitFor();
      expect(new URL(page.url()).search).toBe('');
      await checkScreen(page, 'reports-filter-error');
      await page.getByLabel('Country', { exact: true }).fill('aus');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/country=AUS/);
      // The visa fraud fixture's route ends in Australia; the training offer has no AUS.
      await reportLink(page, titles.urgentVisa).waitFor();
      await expectCount(reportLink(page, titles.training), 0);
    });

    it('searches, and announces how many reports were found', async () => {
      const page = await portal.signIn(officerB);
      await page.goto('/reports');
      await page.getByLabel('Search', { exact: true }).fill(`${tag}zebra`);
      await page.getByLabel('Search', { exact: true }).press('Enter');
      await page.waitForURL(/q=/);
      await reportLink(page, titles.modus).waitFor();
      await expectCount(results(page).getByRole('listitem'), 1);
      await waitFor(
        async () =>
          (await page.getByTestId('live-polite').textContent())?.includes('1 report found'),
        5000,
        'the result count announced',
      );
      await checkScreen(page, 'reports-search');

      await page.getByLabel('Search', { exact: true }).fill(`nothing-like-this-${tag}`);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await results(page).getByText('No reports match these filters').waitFor();
      await checkScreen(page, 'reports-empty');
    });
  });

  it('pages by cursor with Load more', async () => {
    const teamC = await portal.factory.team('Team Jakarta');
    const [officerC, leadC] = await Promise.all([
      portal.factory.user({ teams: [[teamC.id, 'officer']] }),
      portal.factory.user({ teams: [[teamC.id, 'lead']] }),
    ]);
    // 55 small CLEAR reports, five at a time: the two cores also run the API and worker.
    for (let start = 0; start < 55; start += 5)
      await Promise.all(
        Array.from({ length: Math.min(5, 55 - start) }, (_, i) =>
          makeReport(
            portal.api,
            officerC,
            leadC,
            envelope(teamC.id, 'training_offer', {
              title: `Course ${start + i + 1}`,
              tlp: 'CLEAR',
            }),
          ),
        ),
      );
    const page = await portal.signIn(officerB);
    await page.goto(`/reports?team=${teamC.id}`);
    await results(page).getByText('50 reports shown').waitFor();
    await expectCount(results(page).getByRole('listitem'), 50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await results(page).getByText('55 reports shown').waitFor();
    await expectCount(results(page).getByRole('listitem'), 55);
    await expectCount(page.getByRole('button', { name: 'Load more' }), 0);
    // Focus moved to the first row that arrived, so the place in the list is kept.
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toMatch(/^Course \d+$/);
    await checkScreen(page, 'reports-load-more');
  });

  describe('the report view', () => {
    it('renders a visa fraud trend with its detection points table and route', async () => {
      const title = `Biodata substitution ${tag}`;
      const { id } = await publish('visa_fraud_trend', { title, tlp: 'GREEN' });
      const page = await portal.signIn(officerB);
      await read(page, id, title);
      const points = page.getByRole('table', { name: 'Detection points' });
      expect((await points.innerText()).replace(/\s+/g, ' ')).toContain(
        'Airport BKK Thailand (THA)',
      );
      await expectCount(page.getByRole('heading', { level: 3, name: 'Route' }), 1);
      const main = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
      expect(main).toContain('Forgery');
      expect(main).toContain('Origin: Sri Lanka (LKA)');
      expect(main).toContain('Destination: Australia (AUS)');
      expect(main).toContain('biodata page substitution');
      expect(main).toContain('Stateless person (XXA)');
      await checkScreen(page, 'report-visa-fraud-trend');
    });

    it('renders a modus operandi, migration statistics with a total, and a training offer', async () => {
      const page = await portal.signIn(officerB);
      const mo = await publish('modus_operandi', { title: `Vessels at night ${tag}` });
      await read(page, mo.id, `Vessels at night ${tag}`);
      const main = async () => (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
      expect(await main()).toContain('Migrant smuggling');
      expect(await main()).toContain('Maritime vessel, Deceptive job offer');
      expect(await main()).toContain('Fishing vessels embark groups at night');
      expect(await main()).toContain('joint patrols at known embarkation beaches');
      await checkScreen(page, 'report-modus-operandi');

      const stats = await publish('migration_statistics', { title: `Thailand September ${tag}` });
      await read(page, stats.id, `Thailand September ${tag}`);
      const table = page.getByRole('table', { name: /^Observations/ });
      const rows = (await table.innerText()).replace(/\s+/g, ' ');
      expect(rows).toContain('Refusal of entry Sri Lanka (LKA) Air 42');
      expect(rows).toContain('Total 45');
      expect(await main()).toContain('September 2026');
      await checkScreen(page, 'report-migration-statistics');

      const offer = await publish('training_offer', { title: `Examining documents ${tag}` });
      await read(page, offer.id, `Examining documents ${tag}`);
      const text = await main();
      for (const part of [
        'Document examination',
        'In person',
        'Bangkok, Thailand',
        'English, Thai',
      ])
        expect(text).toContain(part);
      await checkScreen(page, 'report-training-offer');
    });

    it('shows TLP:AMBER at the top and the bottom with the recipient teams by name', async () => {
      const title = `Shared with Colombo ${tag}`;
      const { id } = await publish('visa_fraud_trend', {
        title,
        tlp: 'AMBER',
        distribution: { teamIds: [teamB.id] },
      });
      const page = await portal.signIn(officerB);
      await read(page, id, title);
      await expectCount(banners(page), 2);
      // The team names arrive with their own query.
      await banners(page)
        .last()
        .getByText(/Shared with: .*Team Bangkok/)
        .waitFor();
      for (const banner of [banners(page).first(), banners(page).last()]) {
        const text = await banner.innerText();
        expect(text).toContain('TLP:AMBER');
        expect(text).toContain('need-to-know');
        expect(text).toMatch(/Shared with: .*Team Bangkok/);
        expect(text).toContain('Team Colombo');
      }
      await checkScreen(page, 'report-amber');
    });

    it('names the RED recipients in the banner, or says how many they are', async () => {
      const title = `For named eyes ${tag}`;
      const { id } = await publish('modus_operandi', {
        title,
        tlp: 'RED',
        distribution: { userIds: [officerB.id] },
      });
      const page = await portal.signIn(officerB);
      await read(page, id, title);
      for (const banner of [banners(page).first(), banners(page).last()]) {
        const text = await banner.innerText();
        expect(text).toContain('TLP:RED');
        // Names once GET /people is served; until then, how many named recipients.
        expect(text).toMatch(
          /Shared with: (Officer Colombo|1 named recipient), the author and the authoring team's leads/,
        );
      }
      await checkScreen(page, 'report-red');
    });

    it('keeps every version readable as it was after an amendment', async () => {
      const title = `Before amendment ${tag}`;
      const { id } = await publish('modus_operandi', { title });
      const amended = await portal.api.patch(
        `/reports/${id}`,
        {
          title: `After amendment ${tag}`,
          body: { ...BODIES.modus_operandi(), description: 'Vessels now leave at dawn.' },
        },
        { token: leadA.token },
      );
      expect(amended.status).toBe(200);
      const page = await portal.signIn(officerB);
      await read(page, id, `After amendment ${tag}`);
      const history = page.getByRole('region', { name: 'Version history' });
      // The history arrives after the report itself.
      await history.getByRole('link', { name: 'Version 2', exact: true }).waitFor();
      await expectCount(history.getByRole('listitem'), 2);
      await history.getByRole('link', { name: 'Version 1', exact: true }).click();
      await page.waitForURL(/version=1/);
      await expectOneH1(page, title);
      await page.getByText('You are reading version 1 of this report').waitFor();
      expect(await page.getByRole('main').innerText()).toContain('Fishing vessels embark groups');
      await checkScreen(page, 'report-version-1');
      await page.reload();
      await expectOneH1(page, title);
      await page.getByRole('link', { name: 'Read the current version' }).click();
      await expectOneH1(page, `After amendment ${tag}`);
      expect(await page.getByRole('main').innerText()).toContain('Vessels now leave at dawn.');
    });
  });

  it('makes an AMBER report of team A not exist for an officer of team B', async () => {
    const title = `Team A only ${tag}secret`;
    const { id } = await publish('visa_fraud_trend', { title, tlp: 'AMBER' });
    const page = await portal.signIn(officerB);

    await page.goto('/no-such-page');
    await expectOneH1(page, 'Not found');
    const unknown = { main: await page.getByRole('main').innerText(), title: await page.title() };

    await page.goto(`/reports/${id}`);
    await expectOneH1(page, 'Not found');
    expect({ main: await page.getByRole('main').innerText(), title: await page.title() }).toEqual(
      unknown,
    );
    await expectCount(page.getByText(title), 0);
    await checkScreen(page, 'report-not-found');

    await page.goto('/reports/not-a-uuid');
    await expectOneH1(page, 'Not found');

    await page.goto(`/reports?q=${tag}secret`);
    await results(page).getByText('No reports match these filters').waitFor();
    await page.goto(`/reports?team=${teamA.id}&tlp=AMBER`);
    await results(page)
      .getByText(/No reports match|shown/)
      .first()
      .waitFor();
    await expectCount(page.getByRole('link', { name: title }), 0);

    // Its own team reads it, with the banner naming the authoring team alone.
    const own = await portal.signIn(officerA);
    await read(own, id, title);
    expect(await banners(own).first().innerText()).toMatch(/Shared with: Team Bangkok$/m);
  });

  async function read(page: Page, id: string, title: string) {
    await page.goto(`/reports/${id}`);
    await expectOneH1(page, title);
  }
});
