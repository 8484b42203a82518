import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BODIES, envelope, makeReport } from '../reports/report-fixtures';
import type { TestTeam, TestUser } from '../support/factories';
import { waitFor } from '../support/harness';
import { checkScreen, expectOneH1, Portal } from './support/browser';

jest.setTimeout(120_000);

/**
 * The lifecycle in the browser: an officer submits, the lead's Review queue shows it, the
 * lead returns it with a comment and later publishes it; withdrawal with a reason; and the
 * server's refusals (personal data, a second official figure) shown where they happened.
 */
describe('portal: review and report actions', () => {
  let portal: Portal;
  let teamA: TestTeam;
  let officer: TestUser;
  let lead: TestUser;
  const tag = Math.random().toString(36).slice(2, 7);
  // A private copy of the build, so another engineer's rebuild cannot swap it mid-run.
  const portalDir = mkdtempSync(join(tmpdir(), 'rilon-portal-'));

  beforeAll(async () => {
    cpSync(join(__dirname, '../../dist/portal'), portalDir, { recursive: true });
    portal = await Portal.start({ env: { PORTAL_DIR: portalDir } });
    teamA = await portal.factory.team('Team Bangkok');
    [officer, lead] = await Promise.all([
      portal.factory.user({ teams: [[teamA.id, 'officer']], displayName: 'Officer Bangkok' }),
      portal.factory.user({ teams: [[teamA.id, 'lead']], displayName: 'Lead Bangkok' }),
    ]);
  });
  afterAll(async () => {
    await portal?.close();
    rmSync(portalDir, { recursive: true, force: true });
  });

  const draft = async (
    overrides: Record<string, unknown>,
    type: keyof typeof BODIES = 'modus_operandi',
  ) => {
    const res = await portal.api.post('/reports', envelope(teamA.id, type, overrides), {
      token: officer.token,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const open = async (page: Page, id: string, title: string) => {
    await page.goto(`/reports/${id}`);
    await expectOneH1(page, title);
  };
  const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
  const queued = (page: Page, title: string) => page.getByRole('article', { name: title });
  const said = (page: Page, text: string) =>
    waitFor(
      async () => (await page.getByTestId('live-polite').textContent())?.includes(text),
      5000,
      `"${text}" announced`,
    );

  it('takes a report from submission through return and resubmission to publication', async () => {
    const title = `Boats leaving at dusk ${tag}`;
    const id = await draft({ title });
    const author = await portal.signIn(officer);
    await open(author, id, title);
    expect(await actions(author).getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await actions(author).getByRole('link', { name: 'Edit' }).waitFor();
    await checkScreen(author, 'report-draft-author');
    await actions(author).getByRole('button', { name: 'Submit for review' }).click();
    await actions(author).getByText('Submitted for review. Status: Submitted.').waitFor();
    await said(author, 'Status: Submitted');
    await checkScreen(author, 'report-submitted');

    const reviewer = await portal.signIn(lead);
    await reviewer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Review' })
      .click();
    await expectOneH1(reviewer, 'Review');
    const row = queued(reviewer, title);
    const text = await row.innerText();
    expect(text).toContain('By Officer Bangkok');
    expect(text).toContain('Team: Team Bangkok');
    expect(text).toMatch(/Submitted \w+/);
    await checkScreen(reviewer, 'review-queue');

    await row.getByRole('button', { name: /^Return/ }).click();
    const comment = row.getByRole('textbox', { name: 'Comment for the author' });
    await expect(comment.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await row.getByRole('button', { name: 'Return to author' }).click();
    await row.getByText('Enter a comment for the author').first().waitFor();
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(reviewer, 'review-return-empty');
    await comment.fill('Please say which beaches: too vague for front-line officers.');
    await row.getByRole('button', { name: 'Return to author' }).click();
    await reviewer.getByRole('main').getByText(`Returned to the author: ${title}`).waitFor();
    await reviewer.getByText('Nothing is waiting for review.').waitFor();
    await checkScreen(reviewer, 'review-empty');

    await author.reload();
    await expectOneH1(author, title);
    await author.getByText('This draft was returned by a lead with a comment:').waitFor();
    expect(await author.getByRole('main').innerText()).toContain('Please say which beaches');
    await checkScreen(author, 'report-returned');
    await actions(author).getByRole('button', { name: 'Submit for review' }).click();
    await actions(author).getByText('Status: Submitted.').waitFor();

    await reviewer.reload();
    await queued(reviewer, title)
      .getByRole('button', { name: /^Publish/ })
      .click();
    await reviewer.getByRole('main').getByText(`Published: ${title}`).waitFor();
    await said(reviewer, `Published: ${title}`);
    await reviewer.getByText('Nothing is waiting for review.').waitFor();

    // Published: the lead may amend or withdraw; the author may withdraw only.
    await open(reviewer, id, title);
    await actions(reviewer).getByRole('link', { name: 'Amend' }).waitFor();
    expect(await actions(reviewer).getByRole('link', { name: 'Amend' }).getAttribute('href')).toBe(
      `/reports/${id}/edit`,
    );
    await actions(reviewer).getByRole('button', { name: 'Withdraw' }).waitFor();
    await checkScreen(reviewer, 'report-published-lead');
    await author.reload();
    await actions(author).getByRole('button', { name: 'Withdraw' }).waitFor();
    expect(await actions(author).getByRole('link', { name: 'Amend' }).count()).toBe(0);
  });

  it('withdraws a published report with a reason, refusing an empty one on the field', async () => {
    const title = `Superseded route ${tag}`;
    const { id } = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(teamA.id, 'visa_fraud_trend', { title }),
    );
    const page = await portal.signIn(officer);
    await open(page, id, title);
    await actions(page).getByRole('button', { name: 'Withdraw' }).click();
    const reason = page.getByRole('textbox', { name: 'Reason for withdrawal' });
    await actions(page).getByRole('button', { name: 'Withdraw report' }).click();
    await page.getByRole('alert').getByText('Enter the reason for withdrawal').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'report-withdraw-empty');
    await reason.fill('The route changed; see the newer report.');
    await actions(page).getByRole('button', { name: 'Withdraw report' }).click();
    await actions(page).getByText('Withdrawn. Status: Withdrawn.').waitFor();
    await page.getByText('This report was withdrawn and should no longer be relied on.').waitFor();
    expect(await page.getByRole('main').innerText()).toContain(
      'The route changed; see the newer report.',
    );
    expect(await actions(page).getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    await checkScreen(page, 'report-withdrawn');
  });

  it('shows a personal-data refusal on the field it names, with a way to the edit page', async () => {
    const title = `Contact at the harbour ${tag}`;
    const id = await draft({
      title,
      body: {
        ...BODIES.modus_operandi(),
        description: 'Boats are arranged: contact smuggler@example.com.',
      },
    });
    const page = await portal.signIn(officer);
    await open(page, id, title);
    await actions(page).getByRole('button', { name: 'Submit for review' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    const item = summary.getByRole('link', { name: /^Description: .*e-mail/ });
    await item.waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByRole('link', { name: 'Edit the report to remove it' }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Edit the report to remove it' }).getAttribute('href'),
    ).toBe(`/reports/${id}/edit`);
    await checkScreen(page, 'report-personal-data');
    // The summary's link goes to the text as the report shows it.
    await item.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'field-body-description',
    );
    expect((await portal.api.get(`/reports/${id}`, { token: officer.token })).body.status).toBe(
      'draft',
    );

    // The lead publishing the draft directly meets the same refusal.
    const reviewer = await portal.signIn(lead);
    await open(reviewer, id, title);
    await actions(reviewer).getByRole('button', { name: 'Publish' }).click();
    await reviewer
      .getByRole('alert')
      .getByRole('link', { name: /^Description: .*e-mail/ })
      .waitFor();
  });

  it('shows a second official figure as an alert that links to the existing report', async () => {
    const first = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(teamA.id, 'migration_statistics', {
        title: `Thailand August ${tag}`,
        body: BODIES.migration_statistics('2026-08'),
      }),
    );
    const title = `Thailand August again ${tag}`;
    await makeReport(
      portal.api,
      officer,
      lead,
      envelope(teamA.id, 'migration_statistics', {
        title,
        body: BODIES.migration_statistics('2026-08'),
      }),
      'submitted',
    );
    const reviewer = await portal.signIn(lead);
    await reviewer.goto('/review');
    await expectOneH1(reviewer, 'Review');
    await queued(reviewer, title)
      .getByRole('button', { name: /^Publish/ })
      .click();
    const alert = reviewer.getByRole('alert').filter({ hasText: 'This cannot be done now' });
    await alert.waitFor();
    expect(
      await alert.getByRole('link', { name: 'Open the existing report' }).getAttribute('href'),
    ).toBe(`/reports/${first.id}`);
    await checkScreen(reviewer, 'review-conflict');
    // Still waiting: nothing was published.
    await queued(reviewer, title).waitFor();
  });

  it('says so in a toast when the server refuses a step the page offered (403)', async () => {
    const demoted = await portal.factory.user({
      teams: [[teamA.id, 'lead']],
      displayName: 'Lead Demoted',
    });
    const title = `Widely shared ${tag}`;
    const { id } = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(teamA.id, 'training_offer', { title }),
    );
    const page = await portal.signIn(demoted);
    await open(page, id, title);
    await actions(page).getByRole('button', { name: 'Withdraw' }).click();
    // Meanwhile an administrator makes them an officer: the page still offers the step.
    await portal.api.db.query(`UPDATE team_memberships SET role = 'officer' WHERE user_id = $1`, [
      demoted.id,
    ]);
    await page.getByRole('textbox', { name: 'Reason for withdrawal' }).fill('Cancelled.');
    await actions(page).getByRole('button', { name: 'Withdraw report' }).click();
    await page
      .getByRole('region', { name: 'There is a problem' })
      .getByText('You may not do this to this report.')
      .waitFor();
    expect((await portal.api.get(`/reports/${id}`, { token: officer.token })).body.status).toBe(
      'published',
    );
    await checkScreen(page, 'report-forbidden-toast');
  });

  it('is a page for leads only, and a lead sees only the queues of their teams', async () => {
    const page = await portal.signIn(officer);
    await page.goto('/review');
    await expectOneH1(page, 'Not found');
    const otherTeam = await portal.factory.team('Team Dhaka');
    const otherLead = await portal.factory.user({ teams: [[otherTeam.id, 'lead']] });
    const other = await portal.signIn(otherLead);
    await other.goto('/review');
    await expectOneH1(other, 'Review');
    await other.getByText('Nothing is waiting for review.').waitFor();
    expect(await other.getByRole('article').count()).toBe(0);
  });
});
