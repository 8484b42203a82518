import type { Page } from 'playwright-core';
import type { TestTeam, TestUser } from '../support/factories';
import { checkScreen, expectOneH1, Portal } from './support/browser';

jest.setTimeout(120_000);

/**
 * Administration in the browser: a capital with its time zone, a team in it, a user with
 * a password made lead of that team (who then sees the Team screen); a member added; a
 * team renamed and deactivated; a user suspended and reactivated; the last-administrator
 * rule explained when refused; and no such screen for an officer or a lead. Nothing here
 * asks for report content.
 */
describe('portal: administration', () => {
  let portal: Portal;
  let team: TestTeam;
  let admin: TestUser;
  let officer: TestUser;
  let lead: TestUser;
  const tag = Math.random().toString(36).slice(2, 7);
  const TAG = tag.toUpperCase();

  beforeAll(async () => {
    portal = await Portal.start();
    team = await portal.factory.team(`Team Jakarta ${tag}`);
    [admin, officer, lead] = await Promise.all([
      portal.factory.user({ globalRole: 'admin', displayName: 'Network Admin', memberCode: 'AUS' }),
      portal.factory.user({ teams: [[team.id, 'officer']], displayName: `Officer Jakarta ${tag}` }),
      portal.factory.user({ teams: [[team.id, 'lead']], displayName: 'Lead Jakarta' }),
    ]);
  });
  afterAll(async () => {
    await portal?.close();
  });

  /** Signs the administrator in and opens Administration; records every API path asked for. */
  const openAdmin = async (): Promise<{ page: Page; asked: string[] }> => {
    const page = await portal.signIn(admin);
    const asked: string[] = [];
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await expectOneH1(page, 'Administration');
    // A deep link survives a reload (the server answers it with the portal).
    await page.reload();
    await expectOneH1(page, 'Administration');
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    return { page, asked };
  };
  const tab = async (page: Page, name: string) => {
    await page
      .getByRole('navigation', { name: 'Administration sections' })
      .getByRole('link', { name })
      .click();
    await page.getByRole('heading', { level: 2, name }).first().waitFor();
  };
  const noReports = (asked: string[]) =>
    expect(asked.filter((path) => /\/api\/v1\/(reports|search|statistics)/.test(path))).toEqual([]);

  it('creates a capital with a time zone, a team in it, and a user made lead of the team', async () => {
    const { page, asked } = await openAdmin();
    await page.getByRole('table', { name: 'Users, newest account first' }).waitFor();
    await checkScreen(page, 'admin-users');

    // Capital: refused empty, on its fields; then with an IANA zone from the list.
    await tab(page, 'Capitals');
    const capitalForm = page.getByRole('region', { name: 'Create a capital' });
    await capitalForm.getByRole('button', { name: 'Create the capital' }).click();
    await capitalForm.getByRole('link', { name: "Choose the capital's time zone" }).waitFor();
    await capitalForm
      .getByRole('link', { name: "Enter the country's three-letter code, like THA" })
      .waitFor();
    await checkScreen(page, 'admin-capital-invalid');
    const capitalName = `Vientiane ${tag}`;
    await capitalForm.getByLabel('Name').fill(capitalName);
    await capitalForm.getByLabel('Country code').fill('lao');
    const zone = capitalForm.getByLabel('Time zone');
    expect(await zone.locator('option[value="Asia/Vientiane"]').innerText()).toBe(
      'Asia/Vientiane (UTC+07:00)',
    );
    await zone.selectOption('Asia/Vientiane');
    await capitalForm.getByRole('button', { name: 'Create the capital' }).click();
    await capitalForm
      .getByRole('status')
      .getByText(`The capital ${capitalName} is created, in the time zone Asia/Vientiane.`)
      .waitFor();
    await page.getByRole('table', { name: 'Capitals, by name' }).getByText(capitalName).waitFor();
    await checkScreen(page, 'admin-capitals');
    const [capital] = await portal.api.db.query(
      'SELECT id, country_code, timezone FROM capitals WHERE name = $1',
      [capitalName],
    );
    expect(capital).toMatchObject({ country_code: 'LAO', timezone: 'Asia/Vientiane' });

    // Team in that capital.
    await tab(page, 'Teams');
    const teamForm = page.getByRole('region', { name: 'Create a team' });
    const teamName = `Team Vientiane ${tag}`;
    await teamForm.getByLabel('Name').fill(teamName);
    await teamForm.getByLabel('Capital').selectOption({ label: `${capitalName} (LAO)` });
    await teamForm.getByLabel('Description (optional)').fill('Liaison officers at Wattay airport.');
    await teamForm.getByRole('button', { name: 'Create the team' }).click();
    await teamForm.getByRole('status').getByText(`The team ${teamName} is created.`).waitFor();
    // A second team of the same name: the 409 on the name field.
    await teamForm.getByLabel('Name').fill(teamName);
    await teamForm.getByLabel('Capital').selectOption({ label: `${capitalName} (LAO)` });
    await teamForm.getByRole('button', { name: 'Create the team' }).click();
    await teamForm.getByRole('link', { name: 'A team of this name exists already.' }).waitFor();
    await checkScreen(page, 'admin-teams');
    const [newTeam] = await portal.api.db.query(
      'SELECT id, capital_id, description, active FROM teams WHERE name = $1',
      [teamName],
    );
    expect(newTeam).toMatchObject({
      capital_id: capital.id,
      description: 'Liaison officers at Wattay airport.',
      active: true,
    });

    // A user with a password.
    await tab(page, 'Users');
    const userForm = page.getByRole('region', { name: 'Create a user' });
    const email = `somsak-${tag}@immigration.gov.la`;
    const displayName = `Somsak Vongsa ${tag}`;
    await userForm.getByLabel('E-mail address').fill(email);
    await userForm.getByLabel('Name').fill(displayName);
    await userForm.getByLabel('Member').selectOption('THA');
    await userForm.getByRole('radio', { name: 'Set a password now' }).check();
    await userForm.getByLabel('Password', { exact: true }).fill('short');
    await userForm.getByRole('button', { name: 'Create the user' }).click();
    await userForm
      .getByRole('link', { name: 'The password must have at least 12 characters' })
      .waitFor();
    await checkScreen(page, 'admin-user-invalid');
    const password = 'lantern quietly orbit 42';
    await userForm.getByLabel('Password', { exact: true }).fill(password);
    await userForm.getByRole('button', { name: 'Create the user' }).click();
    await userForm
      .getByRole('status')
      .getByText(`${displayName} is created and can sign in`, { exact: false })
      .waitFor();
    await page.getByRole('table', { name: /Users/ }).getByText(email).waitFor();
    const [created] = await portal.api.db.query(
      'SELECT id, member_code, global_role, status FROM users WHERE email = $1',
      [email],
    );
    expect(created).toMatchObject({ member_code: 'THA', global_role: null, status: 'active' });

    // Lead of the new team, from the team's page.
    await tab(page, 'Teams');
    await page.getByRole('link', { name: `Manage (${teamName})` }).click();
    await page.getByRole('heading', { level: 2, name: teamName }).waitFor();
    const add = page.getByRole('region', { name: 'Add a person' });
    await add.getByRole('radio', { name: 'Lead' }).check();
    // The administrator finds themself too, with no way to add themself.
    await add.getByLabel('Find a person by name').fill('Network Admin');
    await add
      .getByRole('listitem')
      .filter({ hasText: 'Network Admin' })
      .getByText('This is you')
      .waitFor();
    expect(await add.getByRole('listitem').getByRole('button').count()).toBe(0);
    await add.getByLabel('Find a person by name').fill(`Vongsa ${tag}`);
    await add.getByRole('button', { name: `Add as lead (${displayName})` }).click();
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByRole('row').filter({ hasText: displayName }).getByText('Lead').waitFor();
    await checkScreen(page, 'admin-team-members');
    const [membership] = await portal.api.db.query(
      'SELECT role FROM team_memberships WHERE team_id = $1 AND user_id = $2',
      [newTeam.id, created.id],
    );
    expect(membership).toEqual({ role: 'lead' });
    noReports(asked);
    await page.context().close();

    // The new lead signs in with that password and has the Team screen of the new team.
    const newLead = await portal.signIn({ ...admin, email, password, displayName });
    await newLead
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Team' })
      .click();
    await expectOneH1(newLead, 'Team');
    await newLead.getByText(`${teamName}: who is in the team`, { exact: false }).waitFor();
    await newLead.context().close();
  });

  it('adds a member, and renames and deactivates a team', async () => {
    const { page, asked } = await openAdmin();
    await tab(page, 'Members');
    const form = page.getByRole('region', { name: 'Add a member' });
    const code = `Z${TAG}`;
    await form.getByLabel('Code').fill(code.toLowerCase());
    await form.getByLabel('Name').fill(`Regional Office ${tag}`);
    await form.getByRole('radio', { name: 'Organisation' }).check();
    await form.getByRole('button', { name: 'Add the member' }).click();
    await form
      .getByRole('status')
      .getByText(`Regional Office ${tag} (${code}) is added.`)
      .waitFor();
    await page
      .getByRole('table', { name: 'Members of the network, by code' })
      .getByRole('row')
      .filter({ hasText: code })
      .getByText('Organisation')
      .waitFor();
    // The same code again: refused on the code field.
    await form.getByLabel('Code').fill(code);
    await form.getByLabel('Name').fill('Another');
    await form.getByRole('button', { name: 'Add the member' }).click();
    await form.getByRole('link', { name: 'A member with this code exists already.' }).waitFor();
    await checkScreen(page, 'admin-members');

    const spare = await portal.factory.team(`Team Spare ${tag}`);
    await tab(page, 'Teams');
    await page.getByRole('link', { name: `Manage (${spare.name})` }).click();
    const details = page.getByRole('form', { name: 'Details' });
    await details.getByLabel('Name').fill(`Team Spare ${tag} (closed)`);
    await details.getByRole('checkbox', { name: 'Active' }).uncheck();
    await details.getByRole('button', { name: 'Save the changes' }).click();
    await details.getByRole('status').getByText('The changes are saved.').waitFor();
    await page.getByText('This team is inactive', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 2, name: `Team Spare ${tag} (closed)` }).waitFor();
    await checkScreen(page, 'admin-team-inactive');
    const [row] = await portal.api.db.query('SELECT name, active FROM teams WHERE id = $1', [
      spare.id,
    ]);
    expect(row).toEqual({ name: `Team Spare ${tag} (closed)`, active: false });
    noReports(asked);
    await page.context().close();
  });

  it('suspends a user (their sessions end) and reactivates them', async () => {
    const { page } = await openAdmin();
    await page.getByRole('link', { name: `Change (${officer.displayName})` }).click();
    await page.getByRole('heading', { level: 2, name: officer.displayName }).waitFor();
    await checkScreen(page, 'admin-user');
    await page.getByRole('button', { name: 'Suspend this user' }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${officer.displayName}?` });
    await dialog.getByText('They are signed out everywhere at once', { exact: false }).waitFor();
    await checkScreen(page, 'admin-user-suspend-confirm');
    await dialog.getByRole('button', { name: 'Yes, suspend' }).click();
    await page.getByText(`${officer.displayName} is suspended and cannot sign in.`).waitFor();
    const status = async () =>
      (await portal.api.db.query('SELECT status FROM users WHERE id = $1', [officer.id]))[0].status;
    expect(await status()).toBe('suspended');
    expect((await portal.api.get('/me', { token: officer.token })).status).toBe(401);
    await checkScreen(page, 'admin-user-suspended');

    await page.getByRole('button', { name: 'Reactivate this user' }).click();
    await page.getByText(`${officer.displayName} can sign in.`).waitFor();
    expect(await status()).toBe('active');
    await page.getByRole('link', { name: 'All users' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: officer.email })
      .getByText('Active', { exact: true })
      .waitFor();
    await page.context().close();
  });

  it('explains the last-administrator rule when the server refuses', async () => {
    const active = await portal.api.db.query(
      `SELECT id FROM users WHERE global_role = 'admin' AND status = 'active'`,
    );
    expect(active).toEqual([{ id: admin.id }]);
    const { page } = await openAdmin();
    await page.getByRole('link', { name: `Change (${admin.displayName})` }).click();
    await page.getByText('This is your own account.', { exact: false }).waitFor();

    // Taking away the role: refused (409) on the Global role field, with what to do.
    await page.getByLabel('Global role').selectOption('');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    const words =
      "This is the last active administrator. Make another user an administrator first, then change this one's role.";
    await page.getByRole('link', { name: words }).waitFor();
    expect(await page.getByLabel('Global role').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'admin-last-admin-role');

    // Suspending: refused too, said in an alert by the status.
    await page.getByRole('button', { name: 'Suspend this user' }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${admin.displayName}?` });
    await dialog.getByText('This is your own account', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Yes, suspend' }).click();
    await page
      .getByRole('region', { name: 'Status' })
      .getByRole('alert')
      .getByText('This is the last active administrator, who cannot be suspended.', {
        exact: false,
      })
      .waitFor();
    await checkScreen(page, 'admin-last-admin-suspend');
    const [me] = await portal.api.db.query('SELECT global_role, status FROM users WHERE id = $1', [
      admin.id,
    ]);
    expect(me).toEqual({ global_role: 'admin', status: 'active' });
    await page.context().close();
  });

  it.each([
    ['an officer', () => officer],
    ['a lead', () => lead],
  ])('is Not found for %s', async (who, user) => {
    const page = await portal.signIn(user());
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    // By link or reload: the same Not found page as any unknown address.
    await page.goto('/administration?tab=users');
    await expectOneH1(page, 'Not found');
    expect(await page.getByText('Create a user').count()).toBe(0);
    await checkScreen(page, `admin-not-found-${who === 'a lead' ? 'lead' : 'officer'}`);
    await page.context().close();
  });
});
