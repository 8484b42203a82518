import type { Page } from 'playwright-core';
import type { TestUser } from '../support/factories';
import { waitFor } from '../support/harness';
import { checkScreen, expectOneH1, Portal } from './support/browser';

jest.setTimeout(120_000);

/**
 * The audit log as auditors see it: entries made by real actions (sign-ins), every filter
 * kept in the address, cursor paging, and "Verify chain" said in words with its figures.
 */
describe('portal: audit log', () => {
  let portal: Portal;
  let auditor: TestUser;
  let officer: TestUser;
  /** The seq of the newest entry once the fixtures are written. */
  let head = 0;
  const LOGINS = 60;

  beforeAll(async () => {
    portal = await Portal.start();
    const team = await portal.factory.team('Team Manila');
    [auditor, officer] = await Promise.all([
      portal.factory.user({ globalRole: 'auditor', displayName: 'Network Auditor' }),
      portal.factory.user({ teams: [[team.id, 'officer']], displayName: 'Officer Manila' }),
    ]);
    // Audit rows cannot be written by hand (they are immutable): make them by signing in.
    for (let i = 0; i < LOGINS; i++) {
      const res = await portal.api.post('/auth/login', {
        email: officer.email,
        password: officer.password,
      });
      expect(res.status).toBe(200);
    }
    const failed = await portal.api.post('/auth/login', {
      email: officer.email,
      password: 'not the password at all',
    });
    expect(failed.status).toBe(401);
    const newest = await portal.api.get('/audit-events?limit=1', { token: auditor.token });
    head = newest.body.items[0].seq;
    // The worker's sealer extends the hash chain a few seconds after each commit.
    await waitFor(
      async () => {
        const res = await portal.api.get('/audit-events/verify', { token: auditor.token });
        return res.body.ok && res.body.verifiedThrough >= head;
      },
      30_000,
      'the sealer to reach the fixtures',
    );
  });
  afterAll(() => portal?.close());

  const rows = (page: Page) =>
    page.getByRole('region', { name: /^Audit entries/ }).getByRole('row');
  /** The text of one column in every body row (the header row is skipped). */
  const column = async (page: Page, index: number): Promise<string[]> => {
    const all = await rows(page).all();
    const cells = await Promise.all(
      all.slice(1).map((row) => row.getByRole('cell').nth(index).innerText()),
    );
    return cells.map((text) => text.trim());
  };
  const open = async (user: TestUser, path = '/audit'): Promise<Page> => {
    const page = await portal.signIn(user);
    if (path === '/audit') await page.getByRole('link', { name: 'Audit log' }).click();
    else await page.goto(path);
    await expectOneH1(page, 'Audit log');
    return page;
  };

  it('shows entries, newest first, filtered by action in the address, with Load more', async () => {
    const page = await open(auditor);
    await rows(page).nth(1).waitFor();
    expect(await rows(page).count()).toBe(51); // the header row and one page of 50
    const seqs = (await column(page, 1)).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    // In UTC to the second, day and time on two lines; the instant itself in <time datetime>.
    expect((await column(page, 0))[0]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}\n\d{2}:\d{2}:\d{2}$/);
    await expect(rows(page).nth(1).locator('time').getAttribute('datetime')).resolves.toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/,
    );
    await checkScreen(page, 'audit');

    await page.getByLabel('Action').fill('auth.login');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/audit\?action=auth\.login$/);
    await page.getByText(/^50 entries shown, newest first; more are available\.$/).waitFor();
    expect(new Set(await column(page, 3))).toEqual(new Set(['auth.login']));

    await page.getByRole('button', { name: 'Load more' }).click();
    await waitFor(async () => (await rows(page).count()) > 51, 10_000, 'the second page');
    const actions = await column(page, 3);
    // Every sign-in: the fixtures', the factory's and this browser's.
    expect(actions.length).toBeGreaterThanOrEqual(LOGINS + 2);
    expect(new Set(actions)).toEqual(new Set(['auth.login']));
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    // Focus moved to the first new row, so the place in the list is kept.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TR');
    await checkScreen(page, 'audit-filtered');

    // Back returns to the unfiltered log, and the form follows the address.
    await page.goBack();
    await page.waitForURL(/\/audit$/);
    await expect(page.getByLabel('Action').inputValue()).resolves.toBe('');
    await page.context().close();
  });

  it('opens on the filters of the address: outcome, actor and days', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const page = await open(
      auditor,
      `/audit?outcome=failure&actorId=${officer.id}&from=${today}&to=${today}`,
    );
    await expect(page.getByLabel('Outcome').inputValue()).resolves.toBe('failure');
    await expect(page.getByLabel('Actor (user id)').inputValue()).resolves.toBe(officer.id);
    await expect(page.getByLabel('From').inputValue()).resolves.toBe(today);
    await rows(page).nth(1).waitFor();
    expect(await column(page, 5)).toEqual(['Failure']);
    expect(await column(page, 2)).toEqual([officer.id]);
    await expect(column(page, 8)).resolves.toEqual(['{"reason":"wrong_password"}']);
    await checkScreen(page, 'audit-failures');
    await page.context().close();
  });

  it('refuses a malformed filter on its field, before asking the server', async () => {
    const page = await open(auditor);
    await page.getByLabel('Action').fill('Sign In');
    await page.getByLabel('Actor (user id)').fill('someone');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect(page.getByLabel('Action').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      page.getByText('Enter an action as area.verb in lower case, for example auth.login.').count(),
    ).resolves.toBe(2); // in the summary and on the field
    expect(page.url()).toMatch(/\/audit$/);
    await checkScreen(page, 'audit-filter-error');
    await page.context().close();
  });

  it('verifies the chain and says how far, with the head hash, in a status region', async () => {
    const page = await open(auditor);
    const region = page.getByRole('region', { name: 'Chain verification' });
    const status = region.getByRole('status');
    // The region is there, empty, before the click (a region born with its text is not read).
    await expect(status.count()).resolves.toBe(1);
    await expect(status.innerText()).resolves.toBe('');
    await region.getByRole('button', { name: 'Verify chain' }).click();
    await status.filter({ hasText: 'intact' }).waitFor();
    const text = await status.innerText();
    const match =
      /^The chain is intact through entry ([\d,]+) \(head hash ([0-9a-f]{12})…\)\.$/.exec(text);
    expect(match).not.toBeNull();
    const through = Number(match?.[1]?.replace(/,/g, ''));
    expect(through).toBeGreaterThanOrEqual(head);
    const full = await region.getByRole('code').innerText();
    expect(full).toMatch(/^[0-9a-f]{64}$/);
    expect(full.startsWith(match?.[2] ?? '-')).toBe(true);
    await checkScreen(page, 'audit-verified');
    await page.context().close();
  });

  it('does not exist for an officer', async () => {
    const page = await portal.signIn(officer);
    await expect(page.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
    await page.goto('/audit');
    await expectOneH1(page, 'Not found');
    await expect(page.getByRole('button', { name: 'Verify chain' }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
