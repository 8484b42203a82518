import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { envelope, makeReport } from '../reports/report-fixtures';
import type { TestTeam, TestUser } from '../support/factories';
import { waitFor } from '../support/harness';
import { checkScreen, expectOneH1, Portal, webStorage } from './support/browser';

jest.setTimeout(180_000);

const LOCALES = join(__dirname, '../../apps/portal/src/locales');
type Catalogue = { [key: string]: string | Catalogue };
/** A message of a catalogue, as the portal shows it when it takes no argument. */
function message(language: string, namespace: string, key: string): string {
  let node: string | Catalogue = JSON.parse(
    readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8'),
  ) as Catalogue;
  for (const part of key.split('.')) {
    if (typeof node === 'string') throw new Error(`${language}/${namespace}: no ${key}`);
    node = node[part];
  }
  if (typeof node !== 'string') throw new Error(`${language}/${namespace}: no ${key}`);
  return node;
}
const ur = (namespace: string, key: string) => message('ur', namespace, key);
const NAV = ['inbox', 'reports', 'newReport', 'statistics', 'training'] as const;
const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
const NASTALIQ = 'Noto Nastaliq Urdu';

/**
 * The portal in Urdu, a right-to-left language: picked on the Account page, it re-renders
 * the page in Urdu with `<html lang="ur" dir="rtl">`, in its Nastaliq font served from the
 * portal's own origin, keeps it over a reload (the only thing in web storage), and goes
 * back to English; screens in Urdu pass axe and are saved as screenshots.
 */
describe('portal: languages', () => {
  let portal: Portal;
  let teamA: TestTeam;
  let teamB: TestTeam;
  let officer: TestUser;
  const title = `Night embarkations ${Math.random().toString(36).slice(2, 7)}`;
  let reportId = '';

  beforeAll(async () => {
    portal = await Portal.start();
    teamA = await portal.factory.team('Team Karachi');
    teamB = await portal.factory.team('Team Lahore');
    const [officerA, leadA] = await Promise.all([
      portal.factory.user({ teams: [[teamA.id, 'officer']], displayName: 'Officer Karachi' }),
      portal.factory.user({ teams: [[teamA.id, 'lead']], displayName: 'Lead Karachi' }),
    ]);
    officer = await portal.factory.user({
      teams: [[teamB.id, 'officer']],
      displayName: 'Officer Lahore',
      memberCode: 'PAK',
    });
    // An AMBER report shared with the officer's team: a row in the inbox and the list.
    const report = await makeReport(
      portal.api,
      officerA,
      leadA,
      envelope(teamA.id, 'modus_operandi', {
        title,
        tlp: 'AMBER',
        urgent: true,
        distribution: { teamIds: [teamB.id] },
      }),
    );
    reportId = report.id;
    await waitFor(
      async () =>
        (
          await portal.api.db.query(
            'SELECT 1 FROM notifications WHERE user_id = $1 AND report_id = $2',
            [officer.id, reportId],
          )
        ).length > 0,
      30_000,
      'the notification of the report',
    );
  });
  afterAll(() => portal?.close());

  /** Every font the context asks for, by address. */
  const fontRequests = (context: BrowserContext): string[] => {
    const urls: string[] = [];
    context.on('request', (request) => {
      if (request.resourceType() === 'font' || /\.(woff2?|ttf|otf)(\?|$)/.test(request.url()))
        urls.push(request.url());
    });
    return urls;
  };
  const html = (page: Page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));
  const nav = (page: Page, label: string) => page.getByRole('navigation', { name: label });

  it('switches to Urdu on the Account page, right to left, in its own font from the portal', async () => {
    const context = await portal.context();
    const fonts = fontRequests(context);
    const page = await portal.signIn(officer, await portal.page(context));
    await page.getByRole('link', { name: officer.displayName }).click();
    await expectOneH1(page, 'Account');
    // English loads no font of its own (the system's Noto Sans).
    expect(fonts).toEqual([]);
    await expect(
      page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? 'inline').join(' ')),
    ).resolves.not.toMatch(/arabic|nastaliq|thaana/i);

    const select = page.getByLabel('Language');
    await expect(select.locator('option').allInnerTexts()).resolves.toContain('اردو');
    await select.selectOption('ur');
    await expectOneH1(page, ur('account', 'title'));
    await expect(html(page)).resolves.toEqual({ lang: 'ur', dir: 'rtl' });
    // The page re-rendered where it was: the select keeps the focus, and says Urdu.
    await expect(
      page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value),
    ).resolves.toBe('ur');
    await page.getByLabel(ur('account', 'language.label')).waitFor();
    await page
      .getByTestId('live-polite')
      .filter({ hasText: ur('account', 'language.changed').replace('{name}', 'اردو') })
      .waitFor({ state: 'attached' });

    // The main navigation in Urdu (names tests rely on hold in English only).
    const main = nav(page, ur('common', 'nav.label'));
    for (const key of NAV) {
      const name = ur('common', `nav.${key}`);
      expect(name).toMatch(ARABIC_SCRIPT);
      // The inbox's name goes on with its unread count.
      await main.getByRole('link', { name: new RegExp(`^${name}`) }).waitFor();
    }
    await expect(nav(page, 'Main').count()).resolves.toBe(0);
    await page.getByRole('button', { name: ur('common', 'signOut') }).waitFor();

    // Body text in Nastaliq, loaded, and every font from the portal's own origin.
    await expect(
      page.evaluate(
        () => getComputedStyle(document.querySelector('main p') ?? document.body).fontFamily,
      ),
    ).resolves.toMatch(new RegExp(`^"?${NASTALIQ}"?,`));
    const loaded = await page.evaluate(async (family) => {
      await document.fonts.ready;
      await document.fonts.load(`16px "${family}"`, 'اردو');
      return [...document.fonts]
        .filter((face) => face.family.replace(/"/g, '') === family)
        .map((face) => `${face.weight}:${face.status}`);
    }, NASTALIQ);
    expect(loaded).toContain('400:loaded');
    await waitFor(() => fonts.length > 0, 10_000, 'a font request');
    expect(fonts.every((url) => new URL(url).origin === portal.url.replace(/\/$/, ''))).toBe(true);
    expect(fonts.some((url) => /nastaliq-urdu-arabic-400.*\.woff2$/.test(url))).toBe(true);
    await checkScreen(page, 'ur-account');

    // Kept over a reload: Urdu before the first render, and nothing else in web storage.
    await expect(webStorage(page)).resolves.toEqual({
      local: { 'rilon.language': 'ur' },
      session: {},
      indexedDb: [],
    });
    // Every heading the page ever shows, from its first render: none of them in English.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { headingsSeen: seen });
      new MutationObserver(() => {
        for (const h of document.querySelectorAll('h1, h2')) seen.push(h.textContent ?? '');
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.reload();
    await expectOneH1(page, ur('account', 'title'));
    await expect(html(page)).resolves.toEqual({ lang: 'ur', dir: 'rtl' });
    await expect(page.getByLabel(ur('account', 'language.label')).inputValue()).resolves.toBe('ur');
    const seen = await page.evaluate(
      () => (window as unknown as { headingsSeen: string[] }).headingsSeen,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => !ARABIC_SCRIPT.test(text))).toEqual([]);
    await expect(nav(page, ur('common', 'nav.label')).count()).resolves.toBe(1);

    // Back to English: left to right again.
    await page.getByLabel(ur('account', 'language.label')).selectOption('en');
    await expectOneH1(page, 'Account');
    await expect(html(page)).resolves.toEqual({ lang: 'en', dir: 'ltr' });
    await nav(page, 'Main').getByRole('link', { name: 'Inbox' }).waitFor();
    await expect(webStorage(page)).resolves.toMatchObject({ local: { 'rilon.language': 'en' } });
    await context.close();
  });

  it('shows the inbox, the reports, a report and a form in Urdu, right to left, dates Gregorian', async () => {
    const page = await portal.signIn(officer);
    await page.evaluate(() => localStorage.setItem('rilon.language', 'ur'));
    await page.reload();
    await expectOneH1(page, ur('inbox', 'title'));
    await expect(html(page)).resolves.toEqual({ lang: 'ur', dir: 'rtl' });
    const main = page.getByRole('main');
    // The report's title is user text: its own direction.
    await main.getByRole('link', { name: new RegExp(title) }).waitFor();
    await expect(main.locator('[dir="auto"]', { hasText: title }).count()).resolves.toBeGreaterThan(
      0,
    );
    await checkScreen(page, 'ur-inbox');

    await nav(page, ur('common', 'nav.label'))
      .getByRole('link', { name: ur('common', 'nav.reports'), exact: true })
      .click();
    await expectOneH1(page, ur('reports', 'list.title'));
    await main.getByRole('link', { name: title, exact: true }).waitFor();
    await page.getByLabel(ur('reports', 'list.search')).waitFor();
    // A date in Urdu, in the Gregorian calendar (this year, not the Hijri one).
    const row = main.getByRole('listitem').filter({ hasText: title });
    const published = ur('reports', 'list.published').replace(' {date}', '');
    const text = await row.innerText();
    expect(text).toContain(published);
    expect(text).toContain(String(new Date().getUTCFullYear()));
    expect(text).not.toMatch(/14[4-5]\d/);
    await checkScreen(page, 'ur-reports');

    await main.getByRole('link', { name: title, exact: true }).click();
    await expectOneH1(page, title);
    await expect(html(page)).resolves.toEqual({ lang: 'ur', dir: 'rtl' });
    // The title is user text, in its own direction.
    const h1 = main.getByRole('heading', { level: 1 });
    await expect(h1.locator('[dir="auto"]').innerText()).resolves.toBe(title);
    // The label as text, top and bottom: first in the report, and again after its history.
    await expect(
      main.getByText('TLP:AMBER', { exact: true }).count(),
    ).resolves.toBeGreaterThanOrEqual(2);
    await main.getByText(ur('common', 'type.modus_operandi')).first().waitFor();
    await main.getByRole('heading', { name: ur('reports', 'versions.title') }).waitFor();
    const article = (await main.getByRole('article').innerText()).trim();
    expect(article.startsWith('TLP:AMBER')).toBe(true);
    expect(article.lastIndexOf('TLP:AMBER')).toBeGreaterThan(
      article.indexOf(ur('reports', 'versions.title')),
    );
    // Codes keep their order in right-to-left text: each in its own <bdi> (the route's
    // countries, the evaluation code, the version).
    const isolated = await main.locator('bdi').allInnerTexts();
    expect(isolated).toEqual(expect.arrayContaining(['BGD', 'MMR', 'MYS', '1']));
    expect(isolated.some((code) => /^[ABCX][1-4]$/.test(code))).toBe(true);
    await checkScreen(page, 'ur-report');

    await page.goto('/reports/new');
    await expectOneH1(page, ur('reportForms', 'new.title'));
    await page.getByRole('radio', { name: ur('common', 'type.modus_operandi') }).check();
    await page.getByRole('button', { name: ur('reportForms', 'step.continue') }).click();
    await page.getByRole('heading', { name: ur('reportForms', 'sections.about') }).waitFor();
    await checkScreen(page, 'ur-report-form');
    await page.context().close();
  });

  const indonesian = existsSync(join(LOCALES, 'id', 'common.json'));
  (indonesian ? it : it.skip)('switches to Bahasa Indonesia, left to right', async () => {
    const id = (namespace: string, key: string) => message('id', namespace, key);
    const page = await portal.signIn(officer);
    await page.goto('/account');
    await expectOneH1(page, 'Account');
    await page.getByLabel('Language').selectOption('id');
    await expectOneH1(page, id('account', 'title'));
    await expect(html(page)).resolves.toEqual({ lang: 'id', dir: 'ltr' });
    await nav(page, id('common', 'nav.label'))
      .getByRole('link', { name: new RegExp(`^${id('common', 'nav.inbox')}`) })
      .waitFor();
    await page.reload();
    await expectOneH1(page, id('account', 'title'));
    await checkScreen(page, 'id-account');
    await page.context().close();
  });
});
