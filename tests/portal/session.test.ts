import type { Page } from 'playwright-core';
import type { TestTeam, TestUser } from '../support/factories';
import { waitFor } from '../support/harness';
import { checkScreen, expectOneH1, Portal, webStorage } from './support/browser';

jest.setTimeout(120_000);

/** The link names of the navigation landmark "Main". */
async function mainNav(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  const names = await nav.getByRole('link').allTextContents();
  return names.map((name) =>
    name
      .replace(/\s*\(.*\)$/, '')
      .replace(/\d+$/, '')
      .trim(),
  );
}

describe('portal: sign-in, session and shell', () => {
  let portal: Portal;
  let team: TestTeam;
  let officer: TestUser;
  let lead: TestUser;
  let admin: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    // Short-lived access tokens, so that refreshes happen within the test.
    portal = await Portal.start({ env: { ACCESS_TTL_SECONDS: '8' } });
    team = await portal.factory.team('Team Jakarta');
    [officer, lead, admin, auditor] = await Promise.all([
      portal.factory.user({ teams: [[team.id, 'officer']], displayName: 'Officer Jakarta' }),
      portal.factory.user({ teams: [[team.id, 'lead']], displayName: 'Lead Jakarta' }),
      portal.factory.user({ globalRole: 'admin', displayName: 'Network Admin' }),
      portal.factory.user({ globalRole: 'auditor', displayName: 'Network Auditor' }),
    ]);
  });
  afterAll(() => portal.close());

  it('says one thing for an unknown e-mail and a wrong password', async () => {
    const page = await portal.page();
    await page.goto('/sign-in');
    await expectOneH1(page, 'Sign in');
    await checkScreen(page, 'sign-in');
    await page.getByLabel('E-mail').fill('nobody@rilon.test');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const unknown = (await page.getByRole('alert').textContent())?.trim();
    await page.getByLabel('E-mail').fill(officer.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    const wrong = (await page.getByRole('alert').textContent())?.trim();
    expect(unknown).toBe('The e-mail address or the password is wrong.');
    expect(wrong).toBe(unknown);
    await checkScreen(page, 'sign-in-failed');
    await page.context().close();
  });

  it('explains how long to wait after repeated failures', async () => {
    const victim = await portal.factory.user({ teams: [[team.id, 'officer']], signIn: false });
    const page = await portal.page();
    await page.goto('/sign-in');
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('E-mail').fill(victim.email);
      await page.getByLabel('Password').fill(`wrong password ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    }
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /Too many failed attempts\. Wait 15 minutes \(\d+ seconds\)/,
    );
    await checkScreen(page, 'sign-in-throttled');
    await page.context().close();
  });

  it('signs in to the inbox, keeps no token in web storage, and survives a reload', async () => {
    const page = await portal.page();
    await page.goto('/reports?type=modus_operandi');
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('E-mail').fill(officer.email);
    await page.getByLabel('Password').fill(officer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the user was going, filters included.
    await page.waitForURL(/\/reports\?type=modus_operandi$/);
    await page.goto('/inbox');
    await expectOneH1(page, 'Inbox');
    const storage = await webStorage(page);
    expect(storage).toEqual({ local: {}, session: {}, indexedDb: [] });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([
      ['rilon_refresh', true, 'Strict', '/api/v1/auth'],
    ]);
    await page.reload();
    await expectOneH1(page, 'Inbox');
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    // A page opened by its address (here one whose code loads lazily) leaves the focus
    // where the browser put it; moving to another page takes it to the new heading.
    await page.goto('/reports');
    await expectOneH1(page, 'Reports');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Inbox/ })
      .click();
    await expectOneH1(page, 'Inbox');
    await waitFor(
      async () => (await page.evaluate(() => document.activeElement?.textContent)) === 'Inbox',
      5000,
      'the focus on the new heading',
    );
    await page.context().close();
  });

  it('shows each role its navigation, with the skip link first', async () => {
    const expected: Array<[TestUser, string[]]> = [
      [officer, ['Inbox', 'Reports', 'New report', 'Statistics', 'Training']],
      [lead, ['Inbox', 'Reports', 'New report', 'Statistics', 'Training', 'Review', 'Team']],
      [
        admin,
        ['Inbox', 'Reports', 'New report', 'Statistics', 'Training', 'Administration', 'Audit log'],
      ],
      [auditor, ['Inbox', 'Reports', 'New report', 'Statistics', 'Training', 'Audit log']],
    ];
    for (const [user, links] of expected) {
      const page = await portal.signIn(user);
      // The role's links come with the profile (GET /me), just after the first paint.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: links[links.length - 1], exact: true })
        .waitFor();
      expect(await mainNav(page)).toEqual(links);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({
        text: document.activeElement?.textContent,
        tag: document.activeElement?.tagName,
      }));
      expect(first).toEqual({ text: 'Skip to main content', tag: 'A' });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await expectOneH1(page, 'Inbox');
      await checkScreen(page, `inbox-as-${user.displayName.toLowerCase().replace(/\s+/g, '-')}`);
      await page.context().close();
    }
  });

  it('answers an unknown path and a role-only screen with the same Not found page', async () => {
    const page = await portal.signIn(officer);
    await page.goto('/no-such-page');
    await expectOneH1(page, 'Not found');
    const unknown = await page.getByRole('main').textContent();
    await checkScreen(page, 'not-found');
    await page.goto('/audit');
    await expectOneH1(page, 'Not found');
    expect(await page.getByRole('main').textContent()).toBe(unknown);
    await page.context().close();
  });

  it('refreshes before expiry in two tabs without ending the session', async () => {
    const context = await portal.context();
    const first = await portal.signIn(lead, await portal.page(context));
    const second = await portal.page(context);
    await second.goto('/inbox');
    await expectOneH1(second, 'Inbox');
    // Tokens live 8 s here: each tab refreshes about every 5 s, one at a time.
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    for (const page of [first, second]) {
      await page.getByRole('link', { name: 'Reports' }).click();
      await expectOneH1(page, 'Reports');
      await page.getByRole('link', { name: /^Inbox/ }).click();
      await expectOneH1(page, 'Inbox');
    }
    const events: Array<{ action: string; n: number }> = await portal.api.db.query(
      `SELECT action, count(*)::int AS n FROM audit_events WHERE actor_id = $1
        AND action IN ('auth.refresh', 'auth.token_reuse') GROUP BY action ORDER BY action`,
      [lead.id],
    );
    const refreshes = events.find((e) => e.action === 'auth.refresh')?.n ?? 0;
    expect(refreshes).toBeGreaterThanOrEqual(4);
    expect(events.find((e) => e.action === 'auth.token_reuse')).toBeUndefined();
    await context.close();
  });

  it('signs out everywhere: every open tab, and the session on the server', async () => {
    const context = await portal.context();
    const first = await portal.signIn(officer, await portal.page(context));
    const second = await portal.page(context);
    await second.goto('/reports');
    await expectOneH1(second, 'Reports');
    await first.getByRole('button', { name: 'Sign out' }).click();
    await expectOneH1(first, 'Sign in');
    await expectOneH1(second, 'Sign in');
    // The logout request follows the tabs' sign-out; the server ends the session then.
    await waitFor(
      async () => {
        const sessions: Array<{ revoked: boolean }> = await portal.api.db.query(
          `SELECT revoked_at IS NOT NULL AS revoked FROM sessions WHERE user_id = $1
            ORDER BY created_at DESC LIMIT 1`,
          [officer.id],
        );
        return sessions[0]?.revoked === true;
      },
      10_000,
      'the session revoked on the server',
    );
    await second.reload();
    await expectOneH1(second, 'Sign in');
    await waitFor(async () => (await context.cookies()).every((c) => c.name !== 'rilon_refresh'));
    await context.close();
  });
});
