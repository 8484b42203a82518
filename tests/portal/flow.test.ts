import type { Page } from 'playwright-core';
import type { TestTeam, TestUser } from '../support/factories';
import { checkScreen, expectOneH1, Portal } from './support/browser';

jest.setTimeout(180_000);

/**
 * The network's promise end to end, in browsers only: an officer in Bangkok writes an
 * AMBER report for Colombo, the Bangkok lead publishes it from the review queue, and an
 * officer in Colombo, whose inbox is open, sees it arrive without reloading. An officer
 * in Dhaka, whom it was not shared with, finds it nowhere.
 */
describe('portal: a report written in the browser reaches the right team, live, and nobody else', () => {
  let portal: Portal;
  let bangkok: TestTeam;
  let colombo: TestTeam;
  let dhaka: TestTeam;
  let author: TestUser;
  let lead: TestUser;
  let reader: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    portal = await Portal.start();
    [bangkok, colombo, dhaka] = await Promise.all([
      portal.factory.team('Team Bangkok'),
      portal.factory.team('Team Colombo'),
      portal.factory.team('Team Dhaka'),
    ]);
    [author, lead, reader, outsider] = await Promise.all([
      portal.factory.user({ teams: [[bangkok.id, 'officer']], displayName: 'Officer Bangkok' }),
      portal.factory.user({ teams: [[bangkok.id, 'lead']], displayName: 'Lead Bangkok' }),
      portal.factory.user({ teams: [[colombo.id, 'officer']], displayName: 'Officer Colombo' }),
      portal.factory.user({ teams: [[dhaka.id, 'officer']], displayName: 'Officer Dhaka' }),
    ]);
  });
  afterAll(() => portal.close());

  const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

  it('goes from the form to the review queue to the other team’s open inbox', async () => {
    const title = 'Night embarkations after online job offers';
    const inbox = await portal.signIn(reader);
    await inbox.getByText('Your inbox is empty.', { exact: false }).waitFor();

    // Bangkok's officer writes and submits it.
    const writer = await portal.signIn(author);
    await writer.getByRole('link', { name: 'New report' }).click();
    await expectOneH1(writer, 'New report');
    await writer.getByRole('radio', { name: 'Modus operandi' }).check();
    await writer.getByRole('button', { name: 'Continue' }).click();
    await writer.getByLabel('Title').fill(title);
    await writer.getByLabel('Summary (optional)').fill('Groups embark at night from beaches.');
    await group(writer, 'Traffic Light Protocol (TLP)')
      .getByLabel('TLP:AMBER', { exact: true })
      .check();
    await group(writer, 'Recipient teams').getByLabel('Team Colombo').check();
    await group(writer, 'Crime type').getByLabel('Migrant smuggling').check();
    await group(writer, 'Means of transport').getByLabel('Sea').check();
    await group(writer, 'Methods').getByLabel('Maritime vessel').check();
    await writer
      .getByLabel('Description')
      .fill('Fishing vessels embark groups at night after recruitment through online job offers.');
    await writer.getByRole('button', { name: 'Save and submit' }).click();
    await writer.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const id = new URL(writer.url()).pathname.split('/').pop() as string;
    await expectOneH1(writer, title);

    // Bangkok's lead publishes it from the queue.
    const reviewer = await portal.signIn(lead);
    await reviewer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Review' })
      .click();
    await expectOneH1(reviewer, 'Review');
    await reviewer
      .getByRole('article', { name: title })
      .getByRole('button', { name: /^Publish/ })
      .click();
    await reviewer.getByText('Nothing is waiting for review.').waitFor();

    // Colombo's open inbox shows it without a reload, and the link opens the report.
    const link = inbox.getByRole('link', { name: `Published: ${title}` });
    await link.waitFor({ timeout: 20_000 });
    await checkScreen(inbox, 'flow-inbox-live');
    await link.click();
    await expectOneH1(inbox, title);
    // The distribution's team names arrive with a query of their own.
    await inbox
      .getByRole('main')
      .getByText('Team Bangkok, Team Colombo', { exact: false })
      .first()
      .waitFor();
    const main = await inbox.getByRole('main').innerText();
    expect(main.match(/TLP:AMBER/g)?.length).toBeGreaterThanOrEqual(2);
    expect(main).toContain('Team Bangkok, Team Colombo');
    await checkScreen(inbox, 'flow-report-read');

    // Dhaka: not by link, not in the list, not in a search.
    const elsewhere = await portal.signIn(outsider);
    await elsewhere.goto(`/reports/${id}`);
    await expectOneH1(elsewhere, 'Not found');
    const notFound = await elsewhere.getByRole('main').innerText();
    await elsewhere.goto('/no-such-page');
    await expectOneH1(elsewhere, 'Not found');
    expect(await elsewhere.getByRole('main').innerText()).toBe(notFound);
    await elsewhere.goto(`/reports?q=${encodeURIComponent('embarkations')}`);
    await expectOneH1(elsewhere, 'Reports');
    await elsewhere
      .getByRole('main')
      .getByText(/no reports/i)
      .first()
      .waitFor();
    expect(await elsewhere.getByRole('link', { name: title }).count()).toBe(0);
    const notes = await portal.api.get('/notifications', { token: outsider.token });
    expect(notes.body.items).toEqual([]);
  });
});
