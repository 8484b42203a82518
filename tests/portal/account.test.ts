import type { Page } from 'playwright-core';
import { outboxRows, tokenFromLink } from '../network/network-helpers';
import type { TestTeam, TestUser } from '../support/factories';
import { checkScreen, expectOneH1, Portal, webStorage } from './support/browser';

jest.setTimeout(120_000);

/**
 * Account, Accept invitation and Subscriptions: the profile, a change of password, the
 * language kept over a reload, an invitation accepted in the browser, and subscription
 * rules saved and read back.
 */
describe('portal: account, invitations and subscriptions', () => {
  let portal: Portal;
  let team: TestTeam;
  let officer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    portal = await Portal.start();
    team = await portal.factory.team('Team Jakarta');
    [officer, admin] = await Promise.all([
      portal.factory.user({ teams: [[team.id, 'officer']], displayName: 'Officer Jakarta' }),
      portal.factory.user({ globalRole: 'admin', displayName: 'Network Admin', memberCode: 'AUS' }),
    ]);
  });
  afterAll(() => portal?.close());

  const openAccount = async (user: TestUser): Promise<Page> => {
    const page = await portal.signIn(user);
    // The header's name link is the way to the Account page.
    await page.getByRole('link', { name: user.displayName }).click();
    await expectOneH1(page, 'Account');
    return page;
  };
  const section = (page: Page, name: string) => page.getByRole('region', { name });

  describe('account', () => {
    it('shows the profile from GET /me, roles in words', async () => {
      const page = await openAccount(officer);
      const profile = section(page, 'Profile');
      await profile.getByText('Thailand').waitFor();
      const text = await profile.innerText();
      expect(text).toContain('Officer Jakarta');
      expect(text).toContain(officer.email);
      expect(text).toContain('Thailand (THA)');
      expect(text).toContain('None: your roles are those in your teams');
      expect(text).toContain('Team Jakarta: Officer');
      await checkScreen(page, 'account');
      await page.context().close();
    });

    it('keeps the language over a reload, and nothing else in web storage', async () => {
      const page = await openAccount(officer);
      const select = page.getByLabel('Language');
      await expect(select.locator('option').allInnerTexts()).resolves.toEqual([
        'English',
        'Bahasa Indonesia',
        'اردو',
      ]);
      await select.selectOption('en');
      await expect(webStorage(page)).resolves.toEqual({
        local: { 'rilon.language': 'en' },
        session: {},
        indexedDb: [],
      });
      await page.reload();
      await expectOneH1(page, 'Account');
      await expect(page.getByLabel('Language').inputValue()).resolves.toBe('en');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      // A value the portal has no language for is ignored at start.
      await page.evaluate(() => localStorage.setItem('rilon.language', 'xx-forged'));
      await page.reload();
      await expectOneH1(page, 'Account');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await page.context().close();
    });

    it('refuses a wrong current password on its field, then changes it', async () => {
      const user = await portal.factory.user({
        teams: [[team.id, 'officer']],
        displayName: 'Officer Changing',
      });
      const page = await openAccount(user);
      const form = section(page, 'Change password');
      const fill = async (current: string, next: string, again = next) => {
        await form.getByLabel('Current password').fill(current);
        await form.getByLabel('New password', { exact: true }).fill(next);
        await form.getByLabel('Confirm the new password').fill(again);
      };
      await form.getByLabel('New password', { exact: true }).fill('short');
      await expect(form.getByText('Too short').count()).resolves.toBe(1);
      await expect(form.getByRole('meter', { name: 'Password strength:' }).count()).resolves.toBe(
        1,
      );

      // Client checks first: nothing is sent for these.
      await fill('', 'short');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expect(form.getByText('Use at least 12 characters.').count()).resolves.toBe(2);
      await expect(form.getByText('Enter your current password.').count()).resolves.toBe(2);
      await checkScreen(page, 'account-password-invalid');

      const next = 'a brand new passphrase for jakarta';
      await fill('not my password at all', next);
      await expect(form.getByText('Very strong').count()).resolves.toBe(1);
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByText('The current password is wrong.').first().waitFor();
      await expect(form.getByLabel('Current password').getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await checkScreen(page, 'account-password-wrong');

      await fill(user.password, next);
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();
      await expect(form.getByRole('status').innerText()).resolves.toContain(
        'Your other sessions have ended',
      );
      await checkScreen(page, 'account-password-changed');
      // The factory's session over the API was another one: it has ended.
      await expect(portal.api.get('/me', { token: user.token })).resolves.toMatchObject({
        status: 401,
      });
      // This one goes on; after signing out, the new password signs in.
      await page.getByRole('link', { name: 'Inbox' }).click();
      await expectOneH1(page, 'Inbox');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('E-mail').waitFor();
      await portal.signIn({ ...user, password: next }, page);
      await page.context().close();
    });
  });

  describe('accepting an invitation', () => {
    const invitee = `invitee-${Date.now()}@rilon.test`;
    let token = '';

    beforeAll(async () => {
      const res = await portal.api.post(
        '/invitations',
        {
          email: invitee,
          displayName: 'New Officer',
          memberCode: 'THA',
          teamId: team.id,
          role: 'officer',
        },
        { token: admin.token },
      );
      expect(res.status).toBe(201);
      // The token, as only the e-mail carries it (the queued e-mail's link).
      const mail = (await outboxRows(portal.api, 'email.send'))
        .filter((row) => row.payload.to === invitee)
        .pop();
      token = tokenFromLink(mail?.payload.params.link);
    });

    it('sets a password, drops the token from the address, and is signed in', async () => {
      const page = await portal.page();
      await page.goto(`/invitations/accept?token=${token}`);
      await expectOneH1(page, 'Accept your invitation');
      await page.waitForURL((url) => url.search === '');
      expect(page.url()).not.toContain(token);
      await checkScreen(page, 'invitation');

      await page.getByLabel('New password', { exact: true }).fill('too short');
      await page.getByLabel('Confirm the new password').fill('too short');
      await page.getByRole('button', { name: 'Set password and create account' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await checkScreen(page, 'invitation-errors');

      const password = 'my own long passphrase';
      await page.getByLabel('New password', { exact: true }).fill(password);
      await page.getByLabel('Confirm the new password').fill(password);
      await page.getByRole('button', { name: 'Set password and create account' }).click();
      // Signed in with the password just set, straight to the inbox.
      await expectOneH1(page, 'Inbox');
      await checkScreen(page, 'invitation-signed-in');
      // Nothing of the token in the browser's storage.
      expect(JSON.stringify(await webStorage(page))).not.toContain(token);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('E-mail').fill(invitee);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectOneH1(page, 'Inbox');
      await page.context().close();
    });

    it('explains a used token, and a link without one', async () => {
      const page = await portal.page();
      await page.goto(`/invitations/accept?token=${token}`);
      await expectOneH1(page, 'Accept your invitation');
      await page.getByLabel('New password', { exact: true }).fill('another long passphrase');
      await page.getByLabel('Confirm the new password').fill('another long passphrase');
      await page.getByRole('button', { name: 'Set password and create account' }).click();
      await page.getByRole('alert').filter({ hasText: 'already used, or expired' }).waitFor();
      await checkScreen(page, 'invitation-gone');

      await page.goto('/invitations/accept');
      await expectOneH1(page, 'Accept your invitation');
      await page
        .getByRole('alert')
        .filter({ hasText: 'This address holds no invitation' })
        .waitFor();
      await checkScreen(page, 'invitation-no-token');
      await page.context().close();
    });
  });

  describe('subscriptions', () => {
    const rule = (page: Page, number: number) =>
      page.getByRole('group', { name: `Rule ${number}` });

    it('explains the defaults, adds a rule, saves it, and reads it back after a reload', async () => {
      const page = await openAccount(officer);
      await page.getByRole('link', { name: 'Subscriptions' }).click();
      await expectOneH1(page, 'Subscriptions');
      const how = section(page, 'How subscriptions work');
      await expect(how.innerText()).resolves.toContain(
        'A user who never set rules has one rule that matches everything, in the app only; with no rules you still get urgent reports.',
      );
      await expect(how.innerText()).resolves.toContain('07:00 Asia/Bangkok time');
      // Never set: one rule that matches everything, e-mail off.
      await rule(page, 1).waitFor();
      await expect(rule(page, 1).getByLabel('E-mail').inputValue()).resolves.toBe('off');
      await checkScreen(page, 'subscriptions');

      await page.getByRole('button', { name: 'Add a rule' }).click();
      const second = rule(page, 2);
      await expect(second.evaluate((element) => element === document.activeElement)).resolves.toBe(
        true,
      );
      await second.getByLabel('Modus operandi').check();
      await second.getByLabel('Countries').fill('tha, lka');
      await second.getByText('Read as: Thailand (THA); Sri Lanka (LKA).').waitFor();
      await second.getByLabel('Urgent reports only').check();
      await second.getByLabel('E-mail').selectOption('daily');
      await page.getByRole('button', { name: 'Save subscriptions' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Your subscriptions are saved: 2 rules.' })
        .waitFor();
      await checkScreen(page, 'subscriptions-saved');
      await expect(
        portal.api.get('/me/subscriptions', { token: officer.token }),
      ).resolves.toMatchObject({
        body: {
          rules: [
            { email: 'off' },
            {
              types: ['modus_operandi'],
              countries: ['THA', 'LKA'],
              urgentOnly: true,
              email: 'daily',
            },
          ],
        },
      });

      await page.reload();
      await expectOneH1(page, 'Subscriptions');
      await rule(page, 2).waitFor();
      await expect(rule(page, 2).getByLabel('Modus operandi').isChecked()).resolves.toBe(true);
      await expect(rule(page, 2).getByLabel('Training offer').isChecked()).resolves.toBe(false);
      await expect(rule(page, 2).getByLabel('Countries').inputValue()).resolves.toBe('THA LKA');
      await expect(rule(page, 2).getByLabel('Urgent reports only').isChecked()).resolves.toBe(true);
      await expect(rule(page, 2).getByLabel('E-mail').inputValue()).resolves.toBe('daily');
      await page.context().close();
    });

    it('puts refusals on the rule they name, and saves no rules at all', async () => {
      const page = await portal.signIn(officer);
      await page.goto('/subscriptions');
      await expectOneH1(page, 'Subscriptions');
      await rule(page, 1).waitFor();
      const countries = rule(page, 1).getByLabel('Countries');

      // The code's form is checked here; whether it names a country, by the server.
      await countries.fill('TH');
      await page.getByRole('button', { name: 'Save subscriptions' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expect(countries.getAttribute('aria-invalid')).resolves.toBe('true');
      await countries.fill('ZZZ');
      await rule(page, 1).getByText('ZZZ is not a known code').waitFor();
      await page.getByRole('button', { name: 'Save subscriptions' }).click();
      await rule(page, 1)
        .getByText(/countries must hold ISO 3166-1 alpha-3/)
        .waitFor();
      await expect(countries.getAttribute('aria-invalid')).resolves.toBe('true');
      await checkScreen(page, 'subscriptions-refused');

      // Remove every rule: focus goes to the next rule, then to "Add a rule".
      await rule(page, 1).getByRole('button', { name: 'Remove rule 1' }).click();
      await rule(page, 1).getByRole('button', { name: 'Remove rule 1' }).click();
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        'Add a rule',
      );
      await page
        .getByText('You have no rules: you are told of urgent reports only, in the app.')
        .waitFor();
      await page.getByRole('button', { name: 'Save subscriptions' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Your subscriptions are saved: no rules, so urgent reports only.' })
        .waitFor();
      await checkScreen(page, 'subscriptions-none');
      await expect(
        portal.api.get('/me/subscriptions', { token: officer.token }),
      ).resolves.toMatchObject({
        body: { rules: [] },
      });
      await page.context().close();
    });
  });
});
