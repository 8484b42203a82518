import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { envelope, makeReport } from '../reports/report-fixtures';
import type { TestUser } from '../support/factories';
import { checkScreen, expectOneH1, Portal } from './support/browser';

jest.setTimeout(120_000);

/**
 * The Statistics explorer over real published figures: the opening view picks the
 * indicator with the latest month; grouping and filters go through the form into the
 * address; the chart (drawn under the page's CSP) always sits beside its table; the CSV
 * download is exactly the table; empty and single-point series.
 */
describe('portal: statistics explorer', () => {
  let portal: Portal;
  let officer: TestUser;
  const violations: string[] = [];

  const figures = (period: string, country: string, rows: Array<[string, string, number]>) =>
    envelope('', 'migration_statistics', {
      title: `Figures ${country} ${period}`,
      body: {
        reportingCountry: country,
        period,
        observations: rows.map(([indicator, nationality, count]) => ({
          indicator,
          nationality,
          borderType: 'air',
          count,
        })),
      },
    });

  beforeAll(async () => {
    portal = await Portal.start();
    const team = await portal.factory.team('Team Bangkok');
    const lead = await portal.factory.user({ teams: [[team.id, 'lead']] });
    officer = await portal.factory.user({ teams: [[team.id, 'officer']] });
    // refusal_of_entry has the latest month (2026-10); illegal_stay the larger total but
    // an older last month, so it must not be the default.
    const reports = [
      figures('2026-09', 'THA', [
        ['refusal_of_entry', 'LKA', 42],
        ['fraudulent_document', 'XXA', 3],
      ]),
      figures('2026-10', 'THA', [
        ['refusal_of_entry', 'MMR', 17],
        ['refusal_of_entry', 'LKA', 8],
      ]),
    ];
    // Two years of illegal stay figures from Colombo, for a long month axis.
    for (let i = 0; i < 24; i++) {
      const month = new Date(Date.UTC(2024, 8 + i, 1)).toISOString().slice(0, 7);
      reports.push(figures(month, 'LKA', [['illegal_stay', 'IND', 40 + ((i * 37) % 60)]]));
    }
    for (const report of reports)
      await makeReport(portal.api, officer, lead, { ...report, teamId: team.id }, 'published');
  });
  afterAll(async () => {
    await portal?.close();
  });

  const watchCsp = (page: Page) =>
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  const table = (page: Page, title: string) =>
    page.getByRole('table', { name: `${title}: the figures` });
  const cells = async (t: Locator) => {
    await t.waitFor();
    return t
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent?.trim() ?? ''),
        ),
      );
  };
  const show = async (page: Page) => {
    await page.getByRole('button', { name: 'Show' }).click();
  };
  /** The chart is really drawn: an SVG with bars, styled by the portal's CSS (not Plot's <style>). */
  const drawn = async (page: Page, title: string, bars: number) => {
    const figure = page.getByRole('figure', { name: title });
    await figure.locator('svg').waitFor();
    const rects = figure.locator('svg g[aria-label="bar"] rect');
    expect(await rects.count()).toBe(bars);
    // Each bar has a real size on the screen (an inset can shrink a bar to nothing).
    const sizes = await rects.evaluateAll((all) =>
      all.map((r) => (r as SVGGraphicsElement).getBBox()).map((b) => Math.min(b.width, b.height)),
    );
    expect(sizes.every((size) => size >= 4)).toBe(true);
    const style = await figure.locator('svg').evaluate((svg) => ({
      maxWidth: getComputedStyle(svg).maxWidth,
      font: getComputedStyle(svg).fontSize,
      inlineStyle: svg.querySelectorAll('style').length,
    }));
    expect(style).toEqual({ maxWidth: '100%', font: '12px', inlineStyle: 0 });
    return figure;
  };

  it('opens on the indicator with the latest month, by month, with its table and total', async () => {
    const page = await portal.signIn(officer);
    watchCsp(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Statistics' })
      .click();
    await expectOneH1(page, 'Statistics');
    await page.waitForURL(/indicator=refusal_of_entry&groupBy=month/);
    const title = 'Refusal of entry by month';
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    const rows = await cells(table(page, title));
    expect(rows).toEqual([
      ['Month', 'Count'],
      [expect.stringMatching(/^Sep\w* 2026$/), '42'],
      [expect.stringMatching(/^Oct 2026$/), '25'],
      ['Total', '67'],
    ]);
    const figure = await drawn(page, title, 2);
    const description = await figure.getAttribute('aria-describedby');
    const words = await page.locator(`#${description}`).textContent();
    expect(words).toMatch(
      /^Bar chart of Refusal of entry by month, Sep\w* 2026 to Oct 2026; highest 42 in Sep\w* 2026\./,
    );
    // The month axis reads YYYY-MM (Gregorian) whatever the language.
    expect(await figure.locator('svg').textContent()).toContain('2026-09');
    await page
      .getByText('Showing the indicator with the most recent figures, up to Oct 2026.')
      .waitFor();
    expect(await page.getByLabel('Indicator').inputValue()).toBe('refusal_of_entry');
    await checkScreen(page, 'statistics-default');
    expect(violations).toEqual([]);
  });

  it('regroups through the form (by keyboard), keeps it in the address, and downloads the table', async () => {
    const page = await portal.signIn(officer);
    watchCsp(page);
    await page.goto('/statistics?indicator=refusal_of_entry&groupBy=month');
    await expectOneH1(page, 'Statistics');
    // Keyboard only: focus the grouping, pick "Nationality" with the arrow key, Tab on
    // through the filters to "Show" and press Enter.
    const grouping = page.getByLabel('Group by');
    await grouping.focus();
    await page.keyboard.press('ArrowDown');
    expect(await grouping.inputValue()).toBe('nationality');
    const button = page.getByRole('button', { name: 'Show' });
    for (let i = 0; i < 12; i++) {
      if (await button.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/groupBy=nationality/);
    const title = 'Refusal of entry by nationality';
    const expected = [
      ['Nationality', 'Count'],
      ['Sri Lanka (LKA)', '50'],
      ['Myanmar (MMR)', '17'],
      ['Total', '67'],
    ];
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    expect(await cells(table(page, title))).toEqual(expected);
    await drawn(page, title, 2);
    await checkScreen(page, 'statistics-by-nationality');

    await page.reload();
    await expectOneH1(page, 'Statistics');
    expect(await cells(table(page, title))).toEqual(expected);
    expect(await page.getByLabel('Group by').inputValue()).toBe('nationality');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rilon-refusal_of_entry-by-nationality.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(records).toEqual(expected);
    expect(violations).toEqual([]);
  });

  it('labels a long month axis without crowding', async () => {
    const page = await portal.signIn(officer);
    await page.goto('/statistics?indicator=illegal_stay&groupBy=month');
    await expectOneH1(page, 'Statistics');
    const title = 'Illegal stay by month';
    const rows = await cells(table(page, title));
    expect(rows).toHaveLength(26);
    const figure = await drawn(page, title, 24);
    const ticks = await figure
      .locator('svg g[aria-label="x-axis tick label"] text')
      .allTextContents();
    expect(ticks.length).toBeLessThan(24);
    expect(ticks.every((tick) => /^\d{4}-\d{2}$/.test(tick))).toBe(true);
    await checkScreen(page, 'statistics-two-years');
  });

  it('says so when a filter leaves nothing, and draws a single point as one bar', async () => {
    const page = await portal.signIn(officer);
    watchCsp(page);
    await page.goto('/statistics?indicator=refusal_of_entry&groupBy=month');
    await expectOneH1(page, 'Statistics');
    await page.getByLabel('Nationality').selectOption('AFG');
    await show(page);
    await page.waitForURL(/nationality=AFG/);
    await page.getByText('No published figures match this choice.').waitFor();
    expect(await page.getByRole('figure').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Download CSV' }).count()).toBe(0);
    await page.getByText('Filtered to: Nationality: Afghanistan (AFG)').waitFor();
    await checkScreen(page, 'statistics-empty');

    await page.getByLabel('Nationality').selectOption('MMR');
    await show(page);
    await page.waitForURL(/nationality=MMR/);
    const title = 'Refusal of entry by month';
    const figure = await drawn(page, title, 1);
    expect(await cells(table(page, title))).toEqual([
      ['Month', 'Count'],
      ['Oct 2026', '17'],
      ['Total', '17'],
    ]);
    const words = await page
      .locator(`#${await figure.getAttribute('aria-describedby')}`)
      .textContent();
    expect(words).toBe('Bar chart of Refusal of entry by month: a single figure, 17 in Oct 2026.');
    await checkScreen(page, 'statistics-single');

    // Months in the wrong order are refused on the field, with the summary on top.
    await page.getByLabel('From month').fill('2026-10');
    await page.getByLabel('To month').fill('2026-01');
    await show(page);
    await page
      .getByRole('alert')
      .getByText('The last month must not be before the first month')
      .waitFor();
    expect(await page.getByLabel('To month').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'statistics-month-order');
    expect(violations).toEqual([]);
  });
});
