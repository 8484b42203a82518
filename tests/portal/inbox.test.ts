import type { Page } from 'playwright-core';
import { envelope, makeReport } from '../reports/report-fixtures';
import type { TestTeam, TestUser } from '../support/factories';
import { waitFor } from '../support/harness';
import { checkScreen, expectOneH1, Portal, webStorage } from './support/browser';

jest.setTimeout(120_000);

/** How long a live notification may take: outbox relay, fan-out job, pub/sub, SSE push. */
const LIVE_MS = 10_000;

/**
 * The inbox as a person sees it: a lead of team A publishes over the API while an officer
 * of team B has the inbox open in Chromium, and the notification arrives without a reload.
 */
describe('portal: the inbox, live', () => {
  let portal: Portal;
  let teamA: TestTeam;
  let teamB: TestTeam;
  let leadA: TestUser;
  let officerA: TestUser;

  beforeAll(async () => {
    // Access tokens of 70 s: the portal refreshes about every 10 s, so the stream is seen
    // to reconnect with a new token within a test.
    portal = await Portal.start({ env: { ACCESS_TTL_SECONDS: '70' } });
    teamA = await portal.factory.team('Team Kuala Lumpur');
    teamB = await portal.factory.team('Team Dhaka');
    [leadA, officerA] = await Promise.all([
      portal.factory.user({ teams: [[teamA.id, 'lead']], displayName: 'Lead Kuala Lumpur' }),
      portal.factory.user({ teams: [[teamA.id, 'officer']], displayName: 'Officer Kuala Lumpur' }),
    ]);
  });
  afterAll(() => portal.close());

  const officerOfB = (name: string) =>
    portal.factory.user({ teams: [[teamB.id, 'officer']], displayName: name, memberCode: 'BGD' });

  /** An AMBER report of team A shared with team B, published by A's lead. */
  async function publishToB(title: string, overrides: Record<string, unknown> = {}) {
    // Tokens live 70 s in this file: fresh ones for each fixture, however slow the run.
    await Promise.all([portal.factory.signIn(officerA), portal.factory.signIn(leadA)]);
    return makeReport(
      portal.api,
      officerA,
      leadA,
      envelope(teamA.id, 'modus_operandi', {
        title,
        tlp: 'AMBER',
        distribution: { teamIds: [teamB.id] },
        ...overrides,
      }),
    );
  }

  const row = (page: Page, title: string) =>
    page.getByRole('main').getByRole('listitem').filter({ hasText: title });
  const badge = (page: Page) =>
    page.getByRole('navigation', { name: 'Main' }).getByTestId('unread-count');
  const unreadInNav = async (page: Page) =>
    (await badge(page).count()) === 0
      ? 0
      : Number(await badge(page).locator('[aria-hidden]').textContent());

  it('shows an empty inbox, with nothing kept in web storage', async () => {
    const officer = await officerOfB('Officer Empty');
    const page = await portal.signIn(officer);
    await expectOneH1(page, 'Inbox');
    await page.getByText('Your inbox is empty.').waitFor();
    await expect(page.getByRole('checkbox', { name: 'Unread only' }).isChecked()).resolves.toBe(
      false,
    );
    await checkScreen(page, 'inbox-empty');
    await page.getByRole('checkbox', { name: 'Unread only' }).check();
    await page.waitForURL(/\/inbox\?unread=true$/);
    await page.getByText('Nothing unread.').waitFor();
    await checkScreen(page, 'inbox-empty-unread');
    await page.context().close();
  });

  it('shows a report shared with the team as it is published, counts and announces it', async () => {
    const officer = await officerOfB('Officer Dhaka');
    const page = await portal.signIn(officer);
    await page.getByText('Your inbox is empty.').waitFor();
    expect(await unreadInNav(page)).toBe(0);

    const title = 'Boats embarking at night from Teknaf beaches';
    const report = await publishToB(title);
    // No reload: the stream brings it, the list and the count follow.
    const link = page.getByRole('link', { name: `Published: ${title}` });
    await link.waitFor({ timeout: LIVE_MS });
    expect(await link.getAttribute('href')).toBe(`/reports/${report.id}`);
    await waitFor(async () => (await unreadInNav(page)) === 1, LIVE_MS, 'the count in the nav');
    await expect(page.getByTestId('live-polite').textContent()).resolves.toBe(
      `New notification: ${title}`,
    );
    await expect(row(page, title).getByText('Unread', { exact: true }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText('1 unread notification').isVisible()).resolves.toBe(true);

    // Urgent ones are said assertively, and tagged in words.
    const urgentTitle = 'Forged seafarer documents at Chittagong';
    await publishToB(urgentTitle, { urgent: true });
    await page
      .getByRole('link', { name: `Published: ${urgentTitle}` })
      .waitFor({ timeout: LIVE_MS });
    await waitFor(
      async () =>
        (await page.getByTestId('live-assertive').textContent()) === `Urgent: ${urgentTitle}`,
      LIVE_MS,
      'the assertive announcement',
    );
    await expect(
      row(page, urgentTitle).getByText('Urgent', { exact: true }).isVisible(),
    ).resolves.toBe(true);
    await waitFor(async () => (await unreadInNav(page)) === 2, LIVE_MS, 'the count of two');
    // Newest first.
    const titles = await page
      .getByRole('main')
      .getByRole('listitem')
      .getByRole('link')
      .allTextContents();
    expect(titles).toEqual([`Published: ${urgentTitle}`, `Published: ${title}`]);
    await checkScreen(page, 'inbox-unread-urgent');

    // Nothing of the session or the reports rests in the browser.
    const storage = await webStorage(page);
    const kept = JSON.stringify(storage);
    expect(kept).not.toContain(title);
    expect(kept).not.toContain(officer.token.slice(0, 20));
    expect(storage).toEqual({ local: {}, session: {}, indexedDb: [] });
    expect(await page.evaluate(() => document.cookie)).not.toContain('rilon_refresh');

    // Opening it opens the report and reads the notification.
    await page.getByRole('link', { name: `Published: ${title}` }).click();
    await page.waitForURL(`**/reports/${report.id}`);
    // The report's screen loads when opened: wait for it, not for the inbox's heading.
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectOneH1(page, title);
    await waitFor(async () => (await unreadInNav(page)) === 1, LIVE_MS, 'the count going down');
    await page.goBack();
    await expectOneH1(page, 'Inbox');
    await row(page, urgentTitle).getByText('Unread', { exact: true }).waitFor();
    await expect(row(page, title).getByText('Unread', { exact: true }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('keeps the focus where it was while a notification arrives, and marks one and all read', async () => {
    const officer = await officerOfB('Officer Cox');
    const first = 'Recruitment through online job offers in Sylhet';
    const second = 'Transit through Yangon on tourist visas';
    await publishToB(first);
    await publishToB(second);
    const page = await portal.signIn(officer);
    await page.getByRole('link', { name: `Published: ${second}` }).waitFor({ timeout: LIVE_MS });
    await page.getByRole('link', { name: `Published: ${first}` }).waitFor({ timeout: LIVE_MS });

    // The keyboard sits on the older notification while a new one arrives above it.
    await page.getByRole('link', { name: `Published: ${first}` }).focus();
    const third = 'Identical new luggage on night buses to Teknaf';
    await publishToB(third);
    await page.getByRole('link', { name: `Published: ${third}` }).waitFor({ timeout: LIVE_MS });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      `Published: ${first}`,
    );
    await waitFor(async () => (await unreadInNav(page)) === 3, LIVE_MS, 'three unread');

    // "Mark as read" names its notification; the focus moves to the notification's link.
    await row(page, second)
      .getByRole('button', { name: `Mark as read: ${second}` })
      .click();
    // The state is optimistic, but React renders it in its own time: wait for it.
    await waitFor(
      async () => (await row(page, second).getByRole('button').count()) === 0,
      LIVE_MS,
      'the button to go',
    );
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      `Published: ${second}`,
    );
    await waitFor(async () => (await unreadInNav(page)) === 2, LIVE_MS, 'two unread');
    // The count above is the page's own (optimistic); the server has it once the POST is in.
    await waitFor(
      async () => {
        const read: Array<{ title: string }> = await portal.api.db.query(
          'SELECT title FROM notifications WHERE user_id = $1 AND read_at IS NOT NULL',
          [officer.id],
        );
        return read.length === 1 && read[0]?.title === second;
      },
      LIVE_MS,
      'the read time on the server',
    );
    await checkScreen(page, 'inbox-some-read');

    // Unread only, in the URL: the read one is not listed.
    await page.getByRole('checkbox', { name: 'Unread only' }).check();
    await page.waitForURL(/\?unread=true$/);
    await waitFor(async () => (await row(page, second).count()) === 0, LIVE_MS, 'the filter');
    await expect(page.getByRole('main').getByRole('listitem').count()).resolves.toBe(2);
    // Read here, a row leaves the list: the keyboard goes to the row now in its place.
    await row(page, third)
      .getByRole('button', { name: `Mark as read: ${third}` })
      .press('Enter');
    await waitFor(async () => (await row(page, third).count()) === 0, LIVE_MS, 'the row to go');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      `Published: ${first}`,
    );

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('Nothing unread.').waitFor();
    await waitFor(async () => (await unreadInNav(page)) === 0, LIVE_MS, 'none unread');
    await expect(
      page.getByRole('button', { name: 'Mark all as read' }).getAttribute('aria-disabled'),
    ).resolves.toBe('true');
    await page.getByRole('link', { name: 'Show all notifications' }).click();
    await page.waitForURL(/\/inbox$/);
    await page.getByRole('link', { name: `Published: ${third}` }).waitFor();
    await expect(page.getByRole('main').getByText('Unread', { exact: true }).count()).resolves.toBe(
      0,
    );
    await checkScreen(page, 'inbox-all-read');
    await page.context().close();
  });

  it('pages with "Load more" beyond 50 notifications', async () => {
    const officer = await officerOfB('Officer Many');
    // A CLEAR report everyone may read, and 60 notifications of it, made cheaply in SQL.
    const report = await makeReport(
      portal.api,
      officerA,
      leadA,
      envelope(teamA.id, 'visa_fraud_trend', { title: 'Counterfeit visas, weekly', tlp: 'CLEAR' }),
    );
    // Its real notification is made by the worker: wait for it and take it away.
    await waitFor(
      async () =>
        (
          await portal.api.db.query(
            'SELECT 1 FROM notifications WHERE user_id = $1 AND report_id = $2',
            [officer.id, report.id],
          )
        ).length > 0,
      LIVE_MS,
      'the fan-out',
    );
    await portal.api.db.query('DELETE FROM notifications WHERE user_id = $1', [officer.id]);
    // Odd weeks unread, one a minute apart; the outbox event ids are made up (no key).
    await portal.api.db.query(
      `INSERT INTO notifications (id, user_id, outbox_event_id, event, report_id, title, created_at, read_at)
       SELECT rilon_uuid_v7(), $1::uuid, 900000 + n, 'report.amended', $2::uuid,
              'Counterfeit visas, week ' || n, now() - make_interval(mins => 100 - n),
              CASE WHEN n % 2 = 0 THEN now() END
         FROM generate_series(1, 60) AS n`,
      [officer.id, report.id],
    );
    const page = await portal.signIn(officer);
    const links = page.getByRole('main').getByRole('listitem').getByRole('link');
    await page.getByRole('link', { name: 'Amended: Counterfeit visas, week 60' }).waitFor();
    await expect(links.count()).resolves.toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page
      .getByRole('link', { name: 'Amended: Counterfeit visas, week 1', exact: true })
      .waitFor();
    await expect(links.count()).resolves.toBe(60);
    // The keyboard lands on the first of the new ones.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Amended: Counterfeit visas, week 10',
    );
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    await checkScreen(page, 'inbox-many');
    await page.context().close();
  });

  it('says when the live stream is down, and catches up when it is back', async () => {
    const officer = await officerOfB('Officer Offline');
    const page = await portal.signIn(officer);
    // The stream cannot open (as behind a proxy that drops it); the rest of the API answers.
    await page.route('**/api/v1/notifications/stream', (route) => route.abort());
    await page.reload();
    await expectOneH1(page, 'Inbox');
    const hint = page.getByRole('main').getByRole('status');
    await hint.getByText('Live updates are paused').waitFor({ timeout: LIVE_MS });
    await checkScreen(page, 'inbox-live-paused');
    const missed = 'Overstayers leaving through Benapole';
    await publishToB(missed);
    await waitFor(
      async () =>
        (await portal.api.db.query('SELECT 1 FROM notifications WHERE user_id = $1', [officer.id]))
          .length > 0,
      LIVE_MS,
      'the fan-out',
    );
    await page.unroute('**/api/v1/notifications/stream');
    // Back within the retry back-off; what was missed meanwhile is read again.
    await page.getByRole('link', { name: `Published: ${missed}` }).waitFor({ timeout: 30_000 });
    await expect(hint.textContent()).resolves.toBe('');
    const live = 'Sponsored visas sold on social media';
    await publishToB(live);
    await page.getByRole('link', { name: `Published: ${live}` }).waitFor({ timeout: LIVE_MS });
    await page.context().close();
  });

  it('stays live across token refreshes and a reload', async () => {
    const officer = await officerOfB('Officer Reconnect');
    const page = await portal.signIn(officer);
    const streams: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/notifications/stream')) streams.push(request.url());
    });
    // A refresh brings a new access token; the stream opens again with it.
    await page.waitForRequest((r) => r.url().endsWith('/api/v1/auth/refresh'), { timeout: 30_000 });
    await waitFor(() => streams.length >= 1, LIVE_MS, 'the stream reopened');
    const afterRefresh = 'Visa shopping through travel agents in Narayanganj';
    await publishToB(afterRefresh);
    await page
      .getByRole('link', { name: `Published: ${afterRefresh}` })
      .waitFor({ timeout: LIVE_MS });

    // A reload restores the session from the cookie, and the new page is live too.
    await page.reload();
    await expectOneH1(page, 'Inbox');
    await page.getByRole('link', { name: `Published: ${afterRefresh}` }).waitFor();
    const afterReload = 'Fraudulent work permits for Gulf routes';
    await publishToB(afterReload);
    await page
      .getByRole('link', { name: `Published: ${afterReload}` })
      .waitFor({ timeout: LIVE_MS });
    await waitFor(async () => (await unreadInNav(page)) === 2, LIVE_MS, 'two unread after reload');
    expect(await webStorage(page)).toEqual({ local: {}, session: {}, indexedDb: [] });
    expect(await page.evaluate(() => document.cookie)).not.toContain('rilon_refresh');
    await page.context().close();
  });
});
