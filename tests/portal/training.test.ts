import type { Page } from 'playwright-core';
import { envelope, makeReport, BODIES } from '../reports/report-fixtures';
import type { TestTeam, TestUser } from '../support/factories';
import { checkScreen, expectOneH1, Portal } from './support/browser';

jest.setTimeout(120_000);

/**
 * Training in the browser: a lead publishes offers (over the API); an officer of another
 * team asks for seats and sees the request pending; a second request is refused and
 * explained; the lead accepts; with one seat, the second acceptance is refused and
 * explained; an observer reads offers but gets no request form.
 */
describe('portal: training offers and enrolments', () => {
  let portal: Portal;
  let teamA: TestTeam;
  let leadA: TestUser;
  let officer: TestUser;
  let analyst: TestUser;
  let observer: TestUser;
  const tag = Math.random().toString(36).slice(2, 7);
  const course = `Document examination course ${tag}`;
  const workshop = `Interviewing workshop ${tag}`;
  let workshopId: string;

  const offer = async (title: string, body: Record<string, unknown>) =>
    makeReport(
      portal.api,
      leadA,
      leadA,
      envelope(teamA.id, 'training_offer', {
        title,
        summary: 'Five days at the immigration training centre.',
        body: { ...BODIES.training_offer(), ...body },
      }),
      'published',
    );

  beforeAll(async () => {
    portal = await Portal.start();
    teamA = await portal.factory.team('Team Bangkok');
    const teamB = await portal.factory.team('Team Colombo');
    [leadA, officer, analyst, observer] = await Promise.all([
      portal.factory.user({ teams: [[teamA.id, 'lead']], displayName: 'Lead Bangkok' }),
      portal.factory.user({ teams: [[teamB.id, 'officer']], displayName: 'Officer Colombo' }),
      portal.factory.user({ teams: [[teamB.id, 'officer']], displayName: 'Analyst Galle' }),
      portal.factory.user({ teams: [[teamB.id, 'observer']], displayName: 'Observer Colombo' }),
    ]);
    workshopId = (
      await offer(workshop, {
        topic: 'interviewing',
        seats: 1,
        deliveryMode: 'online',
        location: undefined,
      })
    ).id;
    await offer(course, {});
  });
  afterAll(async () => {
    await portal?.close();
  });

  const openTraining = async (page: Page) => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Training' })
      .click();
    await expectOneH1(page, 'Training');
  };
  const card = (page: Page, title: string) => page.getByRole('article', { name: title });
  const requests = (page: Page, title: string) =>
    card(page, title).getByRole('region', { name: 'Requests for this offer' });
  const row = (page: Page, title: string, name: string) =>
    requests(page, title).getByRole('row').filter({ hasText: name });

  it('lets an officer of another team ask for seats once, and explains a second request', async () => {
    // A second tab, opened before the request: its form is still there afterwards.
    const stale = await portal.signIn(officer);
    await openTraining(stale);
    await card(stale, course).getByRole('button', { name: 'Request seats' }).waitFor();

    const page = await portal.signIn(officer);
    await openTraining(page);
    const offer = card(page, course);
    await offer.getByRole('button', { name: 'Request seats' }).waitFor();
    await offer.getByText('Australia (AUS)').waitFor();
    const facts = await offer.innerText();
    expect(facts).toContain('Document examination');
    expect(facts).toContain('Australia (AUS)');
    expect(facts).toContain('Bangkok, Thailand');
    expect(facts).toContain('2 Mar 2027 to 6 Mar 2027');
    expect(facts).toContain('1 Feb 2027, end of day (UTC)');
    expect(facts).toContain('20 seats in all');
    expect(facts).toContain("The offering team's leads see how many are left.");
    expect(facts).toContain('English, Thai');
    expect(facts).toContain('front-line officers with two years of experience');
    expect(await offer.getByRole('link', { name: course }).getAttribute('href')).toMatch(
      /^\/reports\//,
    );
    await page
      .getByRole('region', { name: 'My requests' })
      .getByText('You have not asked for seats yet.')
      .waitFor();
    await checkScreen(page, 'training-offers');

    // Out of range first: refused on the field, with the summary on top.
    await offer.getByLabel('Seats').fill('11');
    await offer.getByRole('button', { name: 'Request seats' }).click();
    await offer
      .getByRole('alert')
      .getByText('Enter a whole number of seats from 1 to 10')
      .waitFor();
    expect(await offer.getByLabel('Seats').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'training-seats-invalid');

    await offer.getByLabel('Seats').fill('2');
    await offer
      .getByLabel('Note for the offering team (optional)')
      .fill('Two officers of the airport unit');
    await offer.getByRole('button', { name: 'Request seats' }).click();
    await offer.getByText(/^Your request: 2 seats, asked on .+\. Status: Pending\.$/).waitFor();
    expect(await offer.getByRole('button', { name: 'Request seats' }).count()).toBe(0);
    const mine = page.getByRole('region', { name: 'My requests' });
    await mine.getByRole('row').filter({ hasText: course }).getByText('Pending').waitFor();
    await checkScreen(page, 'training-requested');

    const again = card(stale, course);
    await again.getByLabel('Seats').fill('1');
    await again.getByRole('button', { name: 'Request seats' }).click();
    await again
      .getByRole('alert')
      .getByText(
        'You have already asked for seats on this offer: one request per offer, whatever its outcome.',
        { exact: false },
      )
      .waitFor();
    // The page read the request again: the form gave way to it, the explanation stays.
    await again.getByText(/Status: Pending\./).waitFor();
    await checkScreen(stale, 'training-already-asked');
  });

  it("lets the offering team's lead accept, and the officer sees it", async () => {
    const page = await portal.signIn(leadA);
    await openTraining(page);
    const pending = row(page, course, 'Officer Colombo');
    expect(await pending.innerText()).toContain('Two officers of the airport unit');
    await checkScreen(page, 'training-lead-requests');
    await pending.getByRole('button', { name: 'Accept the request of Officer Colombo' }).click();
    await pending.getByText('Accepted').waitFor();
    await card(page, course)
      .getByText('18 seats left of 20 (2 accepted, no request waiting)')
      .waitFor();
    await checkScreen(page, 'training-lead-accepted');

    const requester = await portal.signIn(officer);
    await openTraining(requester);
    await requester
      .getByRole('region', { name: 'My requests' })
      .getByRole('row')
      .filter({ hasText: course })
      .getByText('Accepted')
      .waitFor();
  });

  it('explains a second acceptance when the only seat is taken', async () => {
    for (const user of [officer, analyst]) {
      const res = await portal.api.post(
        `/reports/${workshopId}/enrolments`,
        { seats: 1 },
        { token: user.token },
      );
      expect(res.status).toBe(201);
    }
    const page = await portal.signIn(leadA);
    await openTraining(page);
    await card(page, workshop)
      .getByText('1 seat left of 1 (0 accepted, 2 requests waiting)')
      .waitFor();
    await row(page, workshop, 'Officer Colombo')
      .getByRole('button', { name: /^Accept/ })
      .click();
    await row(page, workshop, 'Officer Colombo').getByText('Accepted').waitFor();
    await row(page, workshop, 'Analyst Galle')
      .getByRole('button', { name: /^Accept/ })
      .click();
    await requests(page, workshop)
      .getByRole('alert')
      .getByText(
        "The offer's only seat is taken, so Analyst Galle's request for 1 seat cannot be accepted. Decline it, or amend the offer to add seats.",
      )
      .waitFor();
    expect(await row(page, workshop, 'Analyst Galle').getByText('Pending').count()).toBe(1);
    await checkScreen(page, 'training-seats-full');

    await row(page, workshop, 'Analyst Galle')
      .getByRole('button', { name: /^Decline/ })
      .click();
    await row(page, workshop, 'Analyst Galle').getByText('Declined').waitFor();
  });

  it('says when applications have closed, instead of offering the form', async () => {
    const title = `Maritime interdiction seminar ${tag}`;
    await offer(title, {
      topic: 'maritime_interdiction',
      applicationDeadline: '2026-11-20',
      startDate: '2026-12-14',
      endDate: '2026-12-18',
    });
    const page = await portal.signIn(analyst);
    await openTraining(page);
    const closed = card(page, title);
    await closed
      .getByText('Applications closed on 20 Nov 2026: this offer takes no more requests.')
      .waitFor();
    expect(await closed.getByRole('button', { name: 'Request seats' }).count()).toBe(0);
    await checkScreen(page, 'training-closed');
  });

  it('shows an observer the offers without a request form, and says why', async () => {
    const page = await portal.signIn(observer);
    await openTraining(page);
    const offer = card(page, course);
    await offer
      .getByText(
        'Only officers and leads of a team can ask for seats. Observers read the offers; ask an officer or the lead of your team to request seats.',
      )
      .waitFor();
    expect(await offer.getByRole('button', { name: 'Request seats' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'My requests' }).count()).toBe(0);
    // The server's answer to an observer who asks anyway, as the form would explain it.
    const res = await portal.api.post(
      `/reports/${workshopId}/enrolments`,
      { seats: 1 },
      { token: observer.token },
    );
    expect(res.status).toBe(403);
    await checkScreen(page, 'training-observer');
  });
});
