import type { Page } from 'playwright-core';
import type { TestTeam, TestUser } from '../support/factories';
import { BODIES, envelope, makeReport } from '../reports/report-fixtures';
import { checkScreen, expectOneH1, Portal } from './support/browser';

jest.setTimeout(120_000);

/** Writing reports in the portal: the four forms, handling, refusals, CSV, edit and amend. */
let portal: Portal;
let team: TestTeam;
let otherTeam: TestTeam;
let officer: TestUser;
let lead: TestUser;
let recipient: TestUser;
let observer: TestUser;

beforeAll(async () => {
  portal = await Portal.start();
  team = await portal.factory.team('Team Bangkok');
  otherTeam = await portal.factory.team('Team Colombo');
  officer = await portal.factory.user({
    teams: [[team.id, 'officer']],
    displayName: 'Somchai Officer',
  });
  lead = await portal.factory.user({ teams: [[team.id, 'lead']], displayName: 'Niran Lead' });
  recipient = await portal.factory.user({
    teams: [[otherTeam.id, 'officer']],
    displayName: 'Anjali Perera',
    memberCode: 'LKA',
  });
  observer = await portal.factory.user({
    teams: [[team.id, 'observer']],
    displayName: 'Olive Observer',
  });
});

afterAll(async () => {
  await portal?.close();
});

const TYPE_LABELS = {
  visa_fraud_trend: 'Visa and document fraud trend',
  modus_operandi: 'Modus operandi',
  migration_statistics: 'Migration statistics',
  training_offer: 'Training offer',
} as const;

/** Step 1 (type; the officer's one team is fixed), then the type's form. */
async function openForm(page: Page, type: keyof typeof TYPE_LABELS): Promise<void> {
  await page.goto('/reports/new');
  await expectOneH1(page, 'New report');
  await page.getByRole('radio', { name: TYPE_LABELS[type] }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'About the report' }).waitFor();
}

async function fillEnvelope(page: Page, title: string, tlp = 'TLP:GREEN'): Promise<void> {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary (optional)').fill(`Summary of ${title}`);
  await page
    .getByRole('group', { name: 'Traffic Light Protocol (TLP)' })
    .getByLabel(tlp, { exact: true })
    .check();
}

function group(page: Page, name: string) {
  return page.getByRole('group', { name, exact: true });
}

/** Waits for the report page the save leads to, and reads the report back over the API. */
async function savedReport(page: Page, token: string): Promise<any> {
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop() as string;
  const res = await portal.api.get(`/reports/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

const VISA_BODY = {
  documentType: 'passport',
  issuingCountry: 'IND',
  fraudType: 'forgery',
  personsDetected: 14,
  documentsDetected: 17,
  direction: 'exit',
  periodStart: '2026-08-01',
  periodEnd: '2026-08-31',
  holderNationalities: ['LKA', 'XXA'],
  detectionPoints: [
    { type: 'airport', code: 'BKK', country: 'THA' },
    { type: 'land_border', country: 'MYS' },
  ],
  route: { origin: 'LKA', transit: ['THA', 'MYS'], destination: 'AUS' },
  compromisedFeatures: ['biodata page substitution'],
  trend: 'increasing',
  indicators: ['laminate edges lift near the photo'],
};

describe('who may write', () => {
  it('explains to an observer that only officers and leads write reports', async () => {
    const page = await portal.signIn(observer);
    await page.goto('/reports/new');
    await expectOneH1(page, 'New report');
    await page.getByText('Only officers and leads of a capital team write reports').waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    await checkScreen(page, 'report-forms-observer');
    await page.context().close();
  });

  it('asks for a type before the form, and shows the one team as text', async () => {
    const page = await portal.signIn(officer);
    await page.goto('/reports/new');
    await page.getByText('Team Bangkok').waitFor();
    await checkScreen(page, 'report-forms-step1');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await summary.getByRole('link', { name: 'Choose the type of report' }).waitFor();
    await checkScreen(page, 'report-forms-step1-error');
    await page.context().close();
  });
  it('lets someone in two teams pick the team; publishing is offered where they lead', async () => {
    const both = await portal.factory.user({
      teams: [
        [team.id, 'officer'],
        [otherTeam.id, 'lead'],
      ],
      displayName: 'Kamal Both',
    });
    const page = await portal.signIn(both);
    await page.goto('/reports/new');
    const select = page.getByLabel('Authoring team');
    await page.getByRole('radio', { name: 'Training offer' }).check();
    await select.selectOption({ label: 'Team Bangkok' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save and submit' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save and publish' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Change the type' }).click();
    await page.getByRole('radio', { name: 'Training offer' }).check();
    await select.selectOption({ label: 'Team Colombo' });
    await checkScreen(page, 'report-forms-step1-teams');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save and publish' }).waitFor();
    await page.context().close();
  });
});

describe('the four forms', () => {
  it('lists what an empty form lacks, each linked to its field', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'visa_fraud_trend');
    await page.getByRole('button', { name: 'Save and submit' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const links = await summary.getByRole('link').allTextContents();
    expect(links).toEqual([
      'Title: Enter a value',
      'Document type: Choose one',
      'Issuing country: Enter a value',
      'Fraud type: Choose one',
      'Persons detected: Enter a whole number, for example 12',
      'Documents detected: Enter a whole number, for example 12',
      'Direction of travel: Choose one',
      'Period start: Enter a date',
      'Period end: Enter a date',
      'Trend: Choose one',
      'TLP: Choose one',
    ]);
    await summary.getByRole('link', { name: 'Fraud type: Choose one' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'field-body-fraudType',
    );
    await checkScreen(page, 'report-forms-visa-errors');
    expect(new URL(page.url()).pathname).toBe('/reports/new');
    await page.context().close();
  });

  it('stores a visa fraud trend exactly as typed (GREEN)', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'visa_fraud_trend');
    await checkScreen(page, 'report-forms-visa-empty');
    await fillEnvelope(page, 'Forged Indian passports on exit flights');
    await group(page, 'Document type').getByLabel('Passport').check();
    await page.getByLabel('Issuing country').fill('IND');
    await group(page, 'Fraud type').getByLabel('Forgery').check();
    await page.getByLabel('Persons detected').fill('14');
    await page.getByLabel('Documents detected').fill('17');
    await group(page, 'Direction of travel').getByLabel('Exit').check();
    await page.getByLabel('Period start').fill('2026-08-01');
    await page.getByLabel('Period end').fill('2026-08-31');
    await page.getByLabel('Holders’ nationalities (optional)').fill('LKA, XXA');
    for (const [n, point] of [
      [1, ['Airport', 'BKK', 'THA']],
      [2, ['Land border crossing', '', 'MYS']],
    ] as const) {
      await page.getByRole('button', { name: 'Add detection point' }).click();
      const row = group(page, `Detection point ${n}`);
      await row.getByLabel('Type of place').selectOption({ label: point[0] });
      if (point[1]) await row.getByLabel('Code (optional)').fill(point[1]);
      await row.getByLabel('Country').fill(point[2]);
    }
    await page.getByLabel('Origin').fill('LKA');
    await page.getByLabel('Transit countries (optional)').fill('THA, MYS');
    await page.getByLabel('Destination').fill('AUS');
    await page.getByRole('button', { name: 'Add a feature' }).click();
    await page.getByLabel('Feature 1').fill('biodata page substitution');
    await group(page, 'Trend').getByLabel('Increasing').check();
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByLabel('Indicator 1').fill('laminate edges lift near the photo');
    await checkScreen(page, 'report-forms-visa-filled');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const report = await savedReport(page, officer.token);
    expect(report).toMatchObject({
      type: 'visa_fraud_trend',
      status: 'draft',
      teamId: team.id,
      title: 'Forged Indian passports on exit flights',
      tlp: 'GREEN',
      distribution: null,
      sourceReliability: 'X',
      informationCredibility: '4',
      urgent: false,
    });
    expect(report.body).toEqual(VISA_BODY);
    await page.context().close();
  });
});

const BODIES_STATS = (period: string) => BODIES.migration_statistics(period, 'THA');

const STATS_CSV = [
  'indicator,nationality,borderType,count',
  'refusal_of_entry,LKA,air,40',
  'fraudulent_document,XXA,air,3',
  'refusal_of_entry,lka,air,2',
].join('\n');

describe('the four forms, continued', () => {
  it('stores a modus operandi for AMBER teams (own team fixed) and submits it', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'modus_operandi');
    await checkScreen(page, 'report-forms-modus-empty');
    await fillEnvelope(page, 'Night embarkations after online job offers', 'TLP:AMBER');
    const teams = group(page, 'Recipient teams');
    const own = teams.getByLabel('Team Bangkok');
    expect([await own.isChecked(), await own.isDisabled()]).toEqual([true, true]);
    await teams.getByText('Always included: the authoring team.').waitFor();
    await teams.getByLabel('Team Colombo').check();
    await group(page, 'Crime type').getByLabel('Migrant smuggling').check();
    await group(page, 'Means of transport').getByLabel('Sea').check();
    await group(page, 'Means of transport').getByLabel('Air').check();
    await page.getByLabel('Origin').fill('BGD');
    await page.getByLabel('Transit countries (optional)').fill('MMR');
    await page.getByLabel('Destination').fill('MYS');
    await group(page, 'Methods').getByLabel('Maritime vessel').check();
    await group(page, 'Methods').getByLabel('Deceptive job offer').check();
    const description =
      'Fishing vessels embark groups at night after recruitment through online job offers.';
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByLabel('Indicator 1').fill('groups travelling with identical new luggage');
    await page.getByRole('button', { name: 'Add a countermeasure' }).click();
    await page.getByLabel('Countermeasure 1').fill('joint patrols at known embarkation beaches');
    await page.getByLabel('First observed (optional)').fill('2025-11-01');
    await checkScreen(page, 'report-forms-modus-amber');
    await page.getByRole('button', { name: 'Save and submit' }).click();
    const report = await savedReport(page, officer.token);
    expect(report.status).toBe('submitted');
    expect(report.tlp).toBe('AMBER');
    expect([...report.distribution.teamIds].sort()).toEqual([team.id, otherTeam.id].sort());
    expect(report.body).toEqual({
      crimeType: 'smuggling',
      transportModes: ['sea', 'air'],
      route: { origin: 'BGD', transit: ['MMR'], destination: 'MYS' },
      methods: ['maritime_vessel', 'deceptive_job_offer'],
      description,
      indicators: ['groups travelling with identical new luggage'],
      countermeasures: ['joint patrols at known embarkation beaches'],
      firstObserved: '2025-11-01',
    });
    await page.context().close();
  });

  it('flags duplicate CSV rows, blocks sending, and sends once they are merged', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'migration_statistics');
    await checkScreen(page, 'report-forms-stats-empty');
    await fillEnvelope(page, 'Thailand, September 2026');
    await page.getByLabel('Reporting country').fill('THA');
    await page.getByLabel('Month').fill('2026-09');
    const paste = page.getByLabel('Paste CSV');
    await paste.fill(
      'indicator,nationality,borderType,count\nsmuggled_goods,LKA,air,1\nillegal_stay,LKA,air,x',
    );
    await page.getByRole('button', { name: 'Import pasted rows' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await problems.getByText('Line 2: “smuggled_goods” is not an indicator').waitFor();
    await problems.getByText('Line 3: “x” is not a count').waitFor();
    await checkScreen(page, 'report-forms-stats-csv-errors');
    await paste.fill(STATS_CSV);
    await page.getByRole('button', { name: 'Import pasted rows' }).click();
    const duplicates = page.getByRole('region', { name: '1 set of duplicate rows' });
    await duplicates
      .getByText('row 1 (CSV line 2), row 3 (CSV line 4): Refusal of entry, LKA, Air')
      .waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(4);
    expect(await page.getByRole('rowheader', { name: /Duplicate/ }).count()).toBe(2);
    await checkScreen(page, 'report-forms-stats-duplicates');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /^Observations: 1 set of rows repeats/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/reports/new');
    await checkScreen(page, 'report-forms-stats-blocked');
    await duplicates.getByRole('button', { name: 'Merge duplicates (sum counts)' }).click();
    await duplicates.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(3);
    await page.getByRole('button', { name: 'Save draft' }).click();
    const report = await savedReport(page, officer.token);
    expect(report.body).toEqual({
      reportingCountry: 'THA',
      period: '2026-09',
      observations: [
        { indicator: 'refusal_of_entry', nationality: 'LKA', borderType: 'air', count: 42 },
        { indicator: 'fraudulent_document', nationality: 'XXA', borderType: 'air', count: 3 },
      ],
    });
    await page.context().close();
  });

  it('takes an uploaded CSV (any column order, BOM, CRLF) and a lead publishes it', async () => {
    const page = await portal.signIn(lead);
    await openForm(page, 'migration_statistics');
    await fillEnvelope(page, 'Thailand, August 2026');
    await page.getByLabel('Reporting country').fill('THA');
    await page.getByLabel('Month').fill('2026-08');
    const csv =
      '\uFEFFCount,Border type,Nationality,Indicator\r\n12,land,AFG,illegal_stay\r\n"1,200",air,XXB,asylum_application\r\n';
    await page.getByLabel('Upload a CSV file').setInputFiles({
      name: 'figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.replace('"1,200"', '1200')),
    });
    await page.getByRole('cell', { name: 'Count, row 2' }).waitFor();
    await expect(page.getByLabel('Count, row 2').inputValue()).resolves.toBe('1200');
    await checkScreen(page, 'report-forms-stats-uploaded');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    const report = await savedReport(page, lead.token);
    expect(report.status).toBe('published');
    expect(report.body.observations).toEqual([
      { indicator: 'illegal_stay', nationality: 'AFG', borderType: 'land', count: 12 },
      { indicator: 'asylum_application', nationality: 'XXB', borderType: 'air', count: 1200 },
    ]);
    await page.context().close();
  });

  it('takes the most rows a report may have (2000) from one upload', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'migration_statistics');
    await fillEnvelope(page, 'Thailand, July 2026, all nationalities');
    await page.getByLabel('Reporting country').fill('THA');
    await page.getByLabel('Month').fill('2026-07');
    // 1999 distinct rows and, last, a repeat of the first: the duplicate sits 19 pages away.
    const nationalities = ['AFG', 'BGD', 'IND', 'IDN', 'MYS', 'MMR', 'LKA', 'PAK', 'THA', 'NPL'];
    nationalities.push('CHN', 'VNM', 'KHM', 'LAO', 'PHL', 'NZL', 'AUS', 'IRN', 'IRQ', 'SYR');
    nationalities.push('SOM', 'ERI', 'ETH', 'SDN', 'YEM', 'BTN', 'MDV', 'TLS', 'PNG', 'FJI');
    nationalities.push('JPN', 'KOR', 'PRK', 'MNG', 'KAZ', 'UZB', 'TJK', 'KGZ', 'TKM', 'TUR');
    nationalities.push('EGY', 'NGA', 'GHA', 'CMR', 'COD', 'XXA', 'XXB', 'XXC', 'XXX', 'USA');
    const indicators = [
      'illegal_stay',
      'refusal_of_entry',
      'asylum_application',
      'return_decision',
    ];
    indicators.push('effective_return', 'fraudulent_document', 'facilitator_detected');
    indicators.push('irregular_border_crossing', 'trafficking_victim_identified');
    const borders = ['air', 'sea', 'land', 'inland', 'unspecified'];
    const lines = ['indicator,nationality,borderType,count'];
    for (const indicator of indicators)
      for (const border of borders)
        for (const code of nationalities)
          if (lines.length < 2000) lines.push(`${indicator},${code},${border},${lines.length}`);
    lines.push(`illegal_stay,AFG,air,2000`);
    await page.getByLabel('Upload a CSV file').setInputFiles({
      name: 'july.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    const pager = page.getByRole('navigation', { name: 'Pages of rows' }).first();
    await pager.getByText('Rows 1 to 100 of 2,000').waitFor();
    await pager.getByRole('button', { name: 'Next 100 rows' }).click();
    await pager.getByText('Rows 101 to 200 of 2,000').waitFor();
    await checkScreen(page, 'report-forms-stats-2000');
    // A duplicate far down the list: its link turns to its page and focuses the row.
    const far = page
      .getByRole('region', { name: /duplicate rows/ })
      .getByRole('link')
      .last();
    const target = ((await far.getAttribute('href')) ?? '').slice(1);
    await far.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(target);
    await page.getByRole('button', { name: 'Merge duplicates (sum counts)' }).click();
    await page.getByRole('region', { name: /duplicate rows/ }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save draft' }).click();
    const report = await savedReport(page, officer.token);
    expect(report.body.observations).toHaveLength(1999);
    expect(report.body.observations[0]).toEqual({
      indicator: 'illegal_stay',
      nationality: 'AFG',
      borderType: 'air',
      count: 2001,
    });
    const sum = (rows: Array<{ count: number }>) => rows.reduce((s, r) => s + r.count, 0);
    expect(sum(report.body.observations)).toBe((2000 * 2001) / 2);
    await page.context().close();
  });

  it('stores a training offer; an online course hides the location', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'training_offer');
    await checkScreen(page, 'report-forms-training-empty');
    await fillEnvelope(page, 'Document examination course, Bangkok');
    await group(page, 'Topic').getByLabel('Document examination').check();
    await page.getByLabel('Provider').selectOption('AUS');
    await group(page, 'Delivery').getByLabel('Online').check();
    await page.getByText('An online course has no location.').waitFor();
    expect(await page.getByLabel('City', { exact: true }).count()).toBe(0);
    await group(page, 'Delivery').getByLabel('In person').check();
    await page.getByLabel('City', { exact: true }).fill('Bangkok');
    await group(page, 'Location').getByLabel('Country').fill('THA');
    await page.getByLabel('Start date').fill('2027-03-02');
    await page.getByLabel('End date').fill('2027-03-06');
    await page.getByLabel('Application deadline').fill('2027-02-01');
    await page.getByLabel('Seats').fill('20');
    await page.getByLabel('Languages').fill('en, th');
    await page
      .getByLabel('Who may apply (optional)')
      .fill('front-line officers with two years of experience');
    await checkScreen(page, 'report-forms-training-filled');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const report = await savedReport(page, officer.token);
    expect(report.body).toEqual({
      topic: 'document_examination',
      provider: 'AUS',
      deliveryMode: 'in_person',
      location: { city: 'Bangkok', country: 'THA' },
      startDate: '2027-03-02',
      endDate: '2027-03-06',
      applicationDeadline: '2027-02-01',
      seats: 20,
      languages: ['en', 'th'],
      eligibility: 'front-line officers with two years of experience',
    });
    await page.context().close();
  });
});

/** Presses Tab until the focused control is the one named (its label, or a button's text). */
async function tabTo(page: Page, name: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('handling and refusals', () => {
  it('sends a RED report to a named person found by search', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'modus_operandi');
    await fillEnvelope(page, 'Escorted groups through transit', 'TLP:RED');
    await group(page, 'Crime type').getByLabel('Trafficking in persons').check();
    await group(page, 'Means of transport').getByLabel('Air').check();
    await group(page, 'Methods').getByLabel('Escorted travel').check();
    await page
      .getByLabel('Description')
      .fill('Escorts travel with groups and keep their documents.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /^Named recipients: Add at least one person/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'field-distribution-userIds',
    );
    await checkScreen(page, 'report-forms-red-missing');
    await page.getByLabel('Find a person').fill('anjali');
    await page.getByRole('status').filter({ hasText: '1 person found' }).waitFor();
    await page.getByRole('button', { name: 'Add Anjali Perera (LKA) Team Colombo' }).click();
    await page.getByRole('button', { name: 'Remove Anjali Perera' }).waitFor();
    await checkScreen(page, 'report-forms-red-person');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const report = await savedReport(page, officer.token);
    expect(report.tlp).toBe('RED');
    expect(report.distribution).toEqual({ userIds: [recipient.id] });
    // Back in the form, the stored recipient is named (GET /people?ids=).
    await page.goto(`/reports/${report.id}/edit`);
    await page.getByRole('button', { name: 'Remove Anjali Perera' }).waitFor();
    await page.context().close();
  });

  it('puts the personal-data refusal on the description and keeps the draft', async () => {
    const page = await portal.signIn(officer);
    await openForm(page, 'modus_operandi');
    await fillEnvelope(page, 'Recruiters on social media');
    await group(page, 'Crime type').getByLabel('Migrant smuggling').check();
    await group(page, 'Means of transport').getByLabel('Sea').check();
    await group(page, 'Methods').getByLabel('Online recruitment').check();
    await page
      .getByLabel('Description')
      .fill('Recruiters answer at boss.smuggler@example.com within minutes.');
    await page.getByRole('button', { name: 'Save and submit' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}\/edit$/);
    await expectOneH1(page, 'Edit draft');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const link = summary.getByRole('link', { name: 'Description: looks like an e-mail address' });
    expect(await link.getAttribute('href')).toBe('#field-body-description');
    const field = page.getByLabel('Description');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expect(
      field.evaluate(
        (el) =>
          document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)
            ?.textContent,
      ),
    ).resolves.toBe('looks like an e-mail address');
    await checkScreen(page, 'report-forms-personal-data');
    await link.click();
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const id = new URL(page.url()).pathname.split('/')[2];
    expect((await portal.api.get(`/reports/${id}`, { token: officer.token })).body.status).toBe(
      'draft',
    );
    await field.fill('Recruiters answer through messaging apps within minutes.');
    await page.getByRole('button', { name: 'Save and submit' }).click();
    const report = await savedReport(page, officer.token);
    expect([report.id, report.status, report.body.description]).toEqual([
      id,
      'submitted',
      'Recruiters answer through messaging apps within minutes.',
    ]);
    await page.context().close();
  });

  it('explains a second official figure and links to the published one', async () => {
    const first = await makeReport(
      portal.api,
      lead,
      lead,
      envelope(team.id, 'migration_statistics', {
        body: BODIES_STATS('2026-06'),
      }),
    );
    const page = await portal.signIn(lead);
    await openForm(page, 'migration_statistics');
    await fillEnvelope(page, 'Thailand, June 2026, again');
    await page.getByLabel('Reporting country').fill('THA');
    await page.getByLabel('Month').fill('2026-06');
    await page.getByLabel('Paste CSV').fill(STATS_CSV.split('\n').slice(0, 3).join('\n'));
    await page.getByRole('button', { name: 'Import pasted rows' }).click();
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}\/edit$/);
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary
      .getByText(`This cannot be done now: Report ${first.id} is already the published figure`)
      .waitFor();
    const link = page.getByRole('link', {
      name: /^Open the published figure for this country and month/,
    });
    expect(await link.getAttribute('href')).toBe(`/reports/${first.id}`);
    await checkScreen(page, 'report-forms-second-figure');
    await page.context().close();
  });

  it('puts a 400 from the server on the field it names', async () => {
    const page = await portal.signIn(officer);
    // The form checks codes against the same list as the server; to see a server 400 the
    // request is altered on its way out (the country becomes one no list has).
    await page.route('**/api/v1/reports', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const sent = JSON.parse(route.request().postData() ?? '{}');
      sent.body.route.destination = 'ZZZ';
      await route.continue({ postData: JSON.stringify(sent) });
    });
    await openForm(page, 'modus_operandi');
    await fillEnvelope(page, 'Boats to the south');
    await group(page, 'Crime type').getByLabel('Migrant smuggling').check();
    await group(page, 'Means of transport').getByLabel('Sea').check();
    await group(page, 'Methods').getByLabel('Maritime vessel').check();
    await page.getByLabel('Description').fill('Boats leave at night.');
    await page.getByLabel('Origin').fill('BGD');
    await page.getByLabel('Destination').fill('MYS');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    const link = summary.getByRole('link', {
      name: /^Route destination: destination must be an ISO 3166-1 alpha-3/,
    });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#field-body-route-destination');
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await page.getByLabel('Destination').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'report-forms-server-400');
    expect(new URL(page.url()).pathname).toBe('/reports/new');
    await page.context().close();
  });

  it('fills and submits a visa fraud trend with the keyboard alone', async () => {
    const page = await portal.signIn(officer);
    await page.goto('/reports/new');
    await expectOneH1(page, 'New report');
    const k = page.keyboard;
    await tabTo(page, 'Visa and document fraud trend');
    await k.press('Space');
    await tabTo(page, 'Continue');
    await k.press('Enter');
    await page.getByRole('heading', { name: 'About the report' }).waitFor();
    await tabTo(page, 'Title');
    await k.type('Impostors on transit flights');
    await tabTo(page, 'Passport'); // the group's first radio; Space chooses it
    await k.press('Space');
    await tabTo(page, 'Issuing country');
    await k.type('LKA');
    await tabTo(page, 'Counterfeit');
    await k.press('ArrowDown'); // Forgery
    await tabTo(page, 'Persons detected');
    await k.type('3');
    await k.press('Tab');
    await k.type('4');
    await tabTo(page, 'Entry');
    await k.press('ArrowDown'); // Exit
    await k.press('ArrowDown'); // Transit
    await tabTo(page, 'Period start');
    await k.type('09012026'); // Chromium's date input here reads mm/dd/yyyy
    await tabTo(page, 'Period end');
    await k.type('09152026');
    await tabTo(page, 'Add detection point');
    await k.press('Enter'); // the new row's first control takes focus
    await k.press('ArrowDown'); // Airport
    await k.press('Tab');
    await k.type('CMB');
    await k.press('Tab');
    await k.type('LKA');
    await tabTo(page, 'New');
    await k.press('ArrowDown'); // Increasing
    await k.press('ArrowDown'); // Stable
    await tabTo(page, 'TLP:CLEAR');
    await k.press('ArrowDown'); // GREEN
    await tabTo(page, 'Save and submit');
    await k.press('Enter');
    const report = await savedReport(page, officer.token);
    expect(report.status).toBe('submitted');
    expect(report.tlp).toBe('GREEN');
    expect(report.title).toBe('Impostors on transit flights');
    expect(report.body).toEqual({
      documentType: 'passport',
      issuingCountry: 'LKA',
      fraudType: 'forgery',
      personsDetected: 3,
      documentsDetected: 4,
      direction: 'transit',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-15',
      detectionPoints: [{ type: 'airport', code: 'CMB', country: 'LKA' }],
      trend: 'stable',
    });
    await page.context().close();
  });
});

describe('editing', () => {
  it('edits a draft in place', async () => {
    const draft = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(team.id, 'visa_fraud_trend'),
      'draft',
    );
    const page = await portal.signIn(officer);
    await page.goto(`/reports/${draft.id}/edit`);
    await expectOneH1(page, 'Edit draft');
    await expect(page.getByLabel('Issuing country').inputValue()).resolves.toBe('IND');
    await expect(
      group(page, 'Detection point 1').getByLabel('Code (optional)').inputValue(),
    ).resolves.toBe('BKK');
    await expect(page.getByLabel('Transit countries (optional)').inputValue()).resolves.toBe(
      'THA, MYS',
    );
    await checkScreen(page, 'report-forms-edit-draft');
    await page.getByLabel('Title').fill('Forged Indian passports: edited');
    await page.getByRole('button', { name: 'Remove feature 1' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Add a feature',
    );
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByLabel('Indicator 2').fill('staples replaced on the biodata page');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const report = await savedReport(page, officer.token);
    expect([report.id, report.status, report.version, report.title]).toEqual([
      draft.id,
      'draft',
      1,
      'Forged Indian passports: edited',
    ]);
    expect(report.body.compromisedFeatures).toBeUndefined();
    expect(report.body.indicators).toEqual([
      'laminate edges lift near the photo',
      'staples replaced on the biodata page',
    ]);
    expect(report.body.route).toEqual({
      origin: 'LKA',
      transit: ['THA', 'MYS'],
      destination: 'AUS',
    });
    await page.context().close();
  });

  it('lets a lead amend a published report: version 2, recipients told', async () => {
    const published = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(team.id, 'training_offer', {
        tlp: 'AMBER',
        distribution: { teamIds: [otherTeam.id] },
      }),
    );
    const page = await portal.signIn(lead);
    await page.goto(`/reports/${published.id}/edit`);
    await expectOneH1(page, 'Amend report');
    await page.getByText('Everyone who can read the report is told of it').waitFor();
    expect(await group(page, 'Recipient teams').getByLabel('Team Colombo').isChecked()).toBe(true);
    await checkScreen(page, 'report-forms-amend');
    await page.getByLabel('Seats').fill('25');
    await page.getByRole('button', { name: 'Publish amendment' }).click();
    const report = await savedReport(page, lead.token);
    expect([report.status, report.version, report.body.seats, report.tlp]).toEqual([
      'published',
      2,
      25,
      'AMBER',
    ]);
    expect([...report.distribution.teamIds].sort()).toEqual([team.id, otherTeam.id].sort());
    await page.context().close();
  });

  it('explains why a submitted report is not editable, and hides unknown reports', async () => {
    const submitted = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(team.id, 'modus_operandi'),
      'submitted',
    );
    const page = await portal.signIn(officer);
    await page.goto(`/reports/${submitted.id}/edit`);
    await expectOneH1(page, 'Edit report');
    await page.getByText('waits for a lead’s review').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await checkScreen(page, 'report-forms-locked');
    await page.goto('/reports/0190b6f0-0000-7000-8000-000000000001/edit');
    await expectOneH1(page, 'Not found');
    await page.context().close();
  });
});
