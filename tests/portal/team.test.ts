import { openWebhookSecret } from '@rilon/notifications';
import type { Locator, Page } from 'playwright-core';
import type { TestTeam, TestUser } from '../support/factories';
import { waitFor } from '../support/harness';
import { checkScreen, expectOneH1, Portal, webStorage } from './support/browser';

jest.setTimeout(120_000);

/**
 * The Team screen of a lead: members (leads first, no controls on the lead's own row nor
 * on another lead's), a person found by name added as officer, made observer, removed;
 * an invitation sent (a taken address explained); the webhook set with its secret shown
 * once and nowhere after a reload, then deleted.
 */
describe('portal: a lead manages the team', () => {
  let portal: Portal;
  let team: TestTeam;
  let other: TestTeam;
  let lead: TestUser;
  let deputy: TestUser;
  let officer: TestUser;
  let analyst: TestUser;
  const tag = Math.random().toString(36).slice(2, 7);

  beforeAll(async () => {
    portal = await Portal.start();
    team = await portal.factory.team(`Team Bangkok ${tag}`);
    other = await portal.factory.team(`Team Colombo ${tag}`);
    [lead, deputy, officer, analyst] = await Promise.all([
      portal.factory.user({
        teams: [
          [team.id, 'lead'],
          [other.id, 'lead'],
        ],
        displayName: 'Lead Bangkok',
      }),
      portal.factory.user({ teams: [[team.id, 'lead']], displayName: 'Deputy Lead' }),
      portal.factory.user({ teams: [[team.id, 'officer']], displayName: 'Officer Somchai' }),
      portal.factory.user({
        teams: [[other.id, 'officer']],
        displayName: `Analyst Niran ${tag}`,
        memberCode: 'LKA',
      }),
    ]);
  });
  afterAll(async () => {
    await portal?.close();
  });

  const openTeam = async (page: Page) => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Team' })
      .click();
    await expectOneH1(page, 'Team');
  };
  const members = (page: Page) => page.getByRole('region', { name: 'Members' });
  const row = (page: Page, name: string | RegExp) =>
    members(page).getByRole('row').filter({ hasText: name });
  const roleOf = async (userId: string): Promise<string | null> => {
    const rows = await portal.api.db.query(
      'SELECT role FROM team_memberships WHERE team_id = $1 AND user_id = $2',
      [team.id, userId],
    );
    return rows[0]?.role ?? null;
  };

  /** What has the focus, in words, for a failure message. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'nothing (the page body)';
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}"`;
    });
  const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement);
  /**
   * Presses Tab (Shift+Tab with `back`) until `target`, found by role and name or by label,
   * has the focus: at most 60 presses, then fails naming where the focus went. A control
   * reached this way is also drawn focused (:focus-visible).
   */
  const tabTo = async (page: Page, target: Locator, back = false) => {
    await target.waitFor();
    const path: string[] = [];
    for (let presses = 0; !(await hasFocus(target)); presses += 1) {
      if (presses === 60)
        throw new Error(
          `${back ? 'Shift+Tab' : 'Tab'} did not reach ${String(target)} in 60 presses; ` +
            `the focus went: ${path.join(' → ')}`,
        );
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      path.push(await focused(page));
    }
    expect(await target.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  };
  /** After a control did its work, the focus is still on something in the page. */
  const focusKept = async (page: Page) =>
    expect(await focused(page)).not.toBe('nothing (the page body)');

  it('picks the team in the address, lists members leads first, and adds, changes and removes a person', async () => {
    const page = await portal.signIn(lead);
    await openTeam(page);
    // Two teams led: the picker, and the choice kept in the address.
    await page.getByLabel('Team', { exact: true }).selectOption({ label: other.name });
    await page.getByRole('button', { name: 'Show team' }).click();
    await page.waitForURL(new RegExp(`team=${other.id}`));
    await row(page, analyst.displayName).waitFor();
    await page.getByLabel('Team', { exact: true }).selectOption({ label: team.name });
    await page.getByRole('button', { name: 'Show team' }).click();
    await page.waitForURL(new RegExp(`team=${team.id}`));
    await row(page, 'Officer Somchai').waitFor();

    const names = await members(page).getByRole('rowheader').allInnerTexts();
    expect(names.slice(0, 2).sort()).toEqual(['Deputy Lead', 'Lead Bangkok (you)']);
    expect(names[2]).toBe('Officer Somchai');
    // Own row and another lead's: no controls, the reason said instead.
    const own = row(page, 'Lead Bangkok (you)');
    expect(await own.getByRole('button').count()).toBe(0);
    await own.getByText('Nobody changes their own membership').waitFor();
    const other_lead = row(page, 'Deputy Lead');
    expect(await other_lead.getByRole('button').count()).toBe(0);
    await other_lead.getByText('Only an administrator changes a lead.').waitFor();
    await checkScreen(page, 'team-members');

    // Add a person found by name, as officer.
    const add = page.getByRole('region', { name: 'Add a person' });
    await add.getByText('Only an administrator makes someone a lead.').waitFor();
    expect(await add.getByRole('radio', { name: 'Lead' }).count()).toBe(0);
    await add.getByLabel('Find a person by name').fill(`Niran ${tag}`);
    await add.getByRole('status').getByText('1 person found.').waitFor();
    await checkScreen(page, 'team-add-search');
    await add.getByRole('button', { name: `Add as officer (${analyst.displayName})` }).click();
    await row(page, analyst.displayName).getByText('Officer', { exact: true }).waitFor();
    await add.getByText('Already in the team as officer').waitFor();
    expect(await roleOf(analyst.id)).toBe('officer');

    // Officer → observer.
    await row(page, analyst.displayName)
      .getByRole('button', { name: `Make observer (${analyst.displayName})` })
      .click();
    await row(page, analyst.displayName).getByText('Observer', { exact: true }).waitFor();
    expect(await roleOf(analyst.id)).toBe('observer');

    // Remove, after a confirmation (Cancel first: nothing happens).
    const remove = row(page, analyst.displayName).getByRole('button', {
      name: `Remove (${analyst.displayName})`,
    });
    await remove.click();
    const dialog = page.getByRole('dialog', {
      name: `Remove ${analyst.displayName} from ${team.name}?`,
    });
    await dialog.waitFor();
    await checkScreen(page, 'team-remove-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await roleOf(analyst.id)).toBe('observer');
    await remove.click();
    await dialog.getByRole('button', { name: 'Yes, remove' }).click();
    await row(page, analyst.displayName).waitFor({ state: 'detached' });
    // The last row went: the keyboard is on the row before it, not lost on the page.
    const before = row(page, 'Officer Somchai').getByRole('button', {
      name: 'Make observer (Officer Somchai)',
    });
    await waitFor(() => hasFocus(before), 10000, 'the focus on the row before');
    expect(await roleOf(analyst.id)).toBeNull();
    expect(await roleOf(officer.id)).toBe('officer');
    expect(await roleOf(deputy.id)).toBe('lead');
    await page.context().close();
  });

  it('sends an invitation, and explains an address that already has an account', async () => {
    const page = await portal.signIn(lead);
    await openTeam(page);
    const section = page.getByRole('region', { name: 'Invitations' });
    await section.getByText('No invitations are waiting to be accepted.').waitFor();

    // Nothing filled: each field says what it needs, with the summary on top.
    await section.getByRole('button', { name: 'Send the invitation' }).click();
    const summary = section.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter their e-mail address' }).waitFor();
    expect(await section.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'team-invite-invalid');

    // An address with an account: the 409 on the e-mail field, with what to do.
    await section.getByLabel('E-mail address').fill(officer.email);
    await section.getByLabel('Name').fill('Someone Else');
    await section.getByLabel('Member').selectOption('THA');
    await section.getByRole('button', { name: 'Send the invitation' }).click();
    await section
      .getByText('This e-mail address already has an account.', { exact: false })
      .first()
      .waitFor();
    expect(await section.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'team-invite-taken');

    const email = `new-officer-${tag}@immigration.go.th`;
    await section.getByLabel('E-mail address').fill(email);
    await section.getByLabel('Name').fill('Prasert New');
    await section.getByRole('radio', { name: 'Observer' }).check();
    await section.getByRole('button', { name: 'Send the invitation' }).click();
    await section
      .getByRole('status')
      .getByText(`Invitation sent to ${email}.`, { exact: false })
      .waitFor();
    const pending = section.getByRole('table', { name: 'Pending invitations' });
    const mine = pending.getByRole('row').filter({ hasText: email });
    await mine.getByText('Observer').waitFor();
    await mine.getByText('Lead Bangkok').waitFor();

    // Sent elsewhere (by the deputy, over the API): listed after a reload, newest first.
    const elsewhere = `deputy-invite-${tag}@immigration.go.th`;
    const byDeputy = await portal.api.post(
      '/invitations',
      {
        email: elsewhere,
        displayName: 'Anong Deputy-Invited',
        memberCode: 'THA',
        teamId: team.id,
        role: 'officer',
      },
      { token: deputy.token },
    );
    expect(byDeputy.status).toBe(201);
    await page.reload();
    const again = page
      .getByRole('region', { name: 'Invitations' })
      .getByRole('table', { name: 'Pending invitations' });
    await again.getByRole('row').filter({ hasText: elsewhere }).getByText('Deputy Lead').waitFor();
    const order = await again.getByRole('row').allTextContents();
    expect(order.findIndex((r) => r.includes(elsewhere))).toBeLessThan(
      order.findIndex((r) => r.includes(email)),
    );
    await checkScreen(page, 'team-invite-sent');

    const rows = await portal.api.db.query(
      'SELECT display_name, member_code, team_id, role, invited_by, accepted_at FROM invitations WHERE email = $1',
      [email],
    );
    expect(rows).toEqual([
      {
        display_name: 'Prasert New',
        member_code: 'THA',
        team_id: team.id,
        role: 'observer',
        invited_by: lead.id,
        accepted_at: null,
      },
    ]);
    await page.context().close();
  });

  it('sets the webhook with a secret shown once, gone after a reload, then deletes it', async () => {
    const page = await portal.signIn(lead);
    await openTeam(page);
    const section = page.getByRole('region', { name: 'Webhook' });
    await section.getByText('This team has no webhook.').waitFor();

    // A typed secret that is too short is refused on its field.
    await section.getByLabel('Address (URL)').fill('https://hooks.example.org/rilon');
    await section.getByRole('radio', { name: 'Type a secret of my own' }).check();
    await section.getByLabel('Secret', { exact: true }).fill('short');
    await section.getByRole('button', { name: 'Save the webhook' }).click();
    await section
      .getByRole('link', { name: 'The secret must have at least 16 characters' })
      .waitFor();
    await checkScreen(page, 'team-webhook-invalid');

    // A generated one instead.
    await section.getByRole('radio', { name: /Make a strong secret in this browser/ }).check();
    await section.getByRole('button', { name: 'Save the webhook' }).click();
    const once = section.getByRole('region', { name: 'Copy the secret now' });
    await once.waitFor();
    await once.getByText('This is the only time the secret is shown.', { exact: false }).waitFor();
    const secret = (await once.locator('code').innerText()).trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await portal.api.db.query(
      'SELECT url, secret, created_by FROM team_webhooks WHERE team_id = $1',
      [team.id],
    );
    expect(stored).toMatchObject({ url: 'https://hooks.example.org/rilon', created_by: lead.id });
    // Stored sealed (AES-256-GCM), never as typed.
    expect(stored.secret).not.toContain(secret);
    expect(
      openWebhookSecret(portal.api.config.webhookSecretKeys, team.id, stored.secret).secret,
    ).toBe(secret);
    await section.getByText('https://hooks.example.org/rilon').waitFor();
    await checkScreen(page, 'team-webhook-secret-once');

    const copied = await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'])
      .then(async () => {
        await once.getByRole('button', { name: 'Copy the secret' }).click();
        await once.getByText('The secret is copied.').waitFor();
        return page.evaluate(() => navigator.clipboard.readText());
      });
    expect(copied).toBe(secret);

    // After a reload the secret is nowhere: not on the page, not in web storage.
    await page.reload();
    await expectOneH1(page, 'Team');
    await section.getByText('https://hooks.example.org/rilon').waitFor();
    await section.getByText('Not shown: it was shown once, when it was set.').waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(await webStorage(page))).not.toContain(secret);
    await checkScreen(page, 'team-webhook-set');

    await section.getByRole('button', { name: 'Delete the webhook' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete the webhook of ${team.name}?` });
    await dialog.waitFor();
    await checkScreen(page, 'team-webhook-delete-confirm');
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await section.getByText('This team has no webhook.').waitFor();
    expect(
      await portal.api.db.query('SELECT 1 FROM team_webhooks WHERE team_id = $1', [team.id]),
    ).toEqual([]);
    await page.context().close();
  });

  it('is used with the keyboard alone: Team from the navigation, a person found, added as observer, made officer', async () => {
    const person = await portal.factory.user({
      teams: [[other.id, 'officer']],
      displayName: `Kanya Keys ${tag}`,
    });
    const page = await portal.signIn(lead);
    const keys = page.keyboard;

    // The main navigation, then the team picker (two teams led): arrows and Enter.
    await tabTo(
      page,
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }),
    );
    await keys.press('Enter');
    await expectOneH1(page, 'Team');
    const picker = page.getByLabel('Team', { exact: true });
    await tabTo(page, picker);
    const options = await picker.evaluate((el) =>
      [...(el as HTMLSelectElement).options].map((option) => option.value),
    );
    const wanted = options.indexOf(team.id);
    expect(wanted).toBeGreaterThanOrEqual(0);
    await keys.press('Home');
    for (let step = 0; step < wanted; step += 1) await keys.press('ArrowDown');
    expect(await picker.inputValue()).toBe(team.id);
    await tabTo(page, page.getByRole('button', { name: 'Show team' }));
    await keys.press('Enter');
    await page.waitForURL(new RegExp(`team=${team.id}`));
    await row(page, 'Officer Somchai').waitFor();

    // The role first (a radio group: arrows move the choice), then the search by name.
    const add = page.getByRole('region', { name: 'Add a person' });
    await tabTo(page, add.getByRole('radio', { name: 'Officer', exact: true }));
    await keys.press('ArrowDown');
    expect(await add.getByRole('radio', { name: 'Observer', exact: true }).isChecked()).toBe(true);
    await tabTo(page, add.getByLabel('Find a person by name'));
    await keys.type(`Kanya Keys ${tag}`);
    await add.getByRole('status').getByText('1 person found.').waitFor();
    await tabTo(
      page,
      add.getByRole('button', { name: `Add as observer (${person.displayName})`, exact: true }),
    );
    await keys.press('Space');
    await row(page, person.displayName).getByText('Observer', { exact: true }).waitFor();
    await add.getByText('Already in the team as observer').waitFor();
    // The button gave way to that text: the focus went back to the search, not lost.
    await focusKept(page);
    expect(await hasFocus(add.getByLabel('Find a person by name'))).toBe(true);
    await checkScreen(page, 'team-keyboard-added');

    // Back up to the person's row in the members table: observer → officer with Enter.
    await tabTo(
      page,
      row(page, person.displayName).getByRole('button', {
        name: `Make officer (${person.displayName})`,
        exact: true,
      }),
      true,
    );
    await keys.press('Enter');
    await row(page, person.displayName).getByText('Officer', { exact: true }).waitFor();
    // The pressed button stays where it was, now the way back.
    await focusKept(page);
    expect(
      await hasFocus(
        row(page, person.displayName).getByRole('button', {
          name: `Make observer (${person.displayName})`,
          exact: true,
        }),
      ),
    ).toBe(true);

    const { status, body } = await portal.api.get<{
      items: Array<{ userId: string; role: string }>;
    }>(`/teams/${team.id}/members`, { token: lead.token });
    expect(status).toBe(200);
    expect(body.items.find((member) => member.userId === person.id)?.role).toBe('officer');
    await page.context().close();
  });
});
