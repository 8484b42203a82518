import { TaxiiKeysService } from '@rilon/network';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { envelope, makeReport } from '../reports/report-fixtures';
import type { TestTeam, TestUser } from '../support/factories';
import { checkScreen, expectOneH1, Portal, webStorage } from './support/browser';

jest.setTimeout(120_000);

/**
 * Issue 9, item 6: the Team screen's TAXII keys (issued under a label, the secret shown
 * once and nowhere after a reload, revoked after a confirmation) and the report page's
 * "Download STIX" (a bundle saved as a file; no button on a RED report).
 */
describe('portal: TAXII keys and the STIX download', () => {
  let portal: Portal;
  let team: TestTeam;
  let lead: TestUser;
  let officer: TestUser;
  const tag = Math.random().toString(36).slice(2, 7);

  beforeAll(async () => {
    portal = await Portal.start({ worker: false });
    team = await portal.factory.team(`Team Bangkok ${tag}`);
    [lead, officer] = await Promise.all([
      portal.factory.user({ teams: [[team.id, 'lead']], displayName: 'Lead Bangkok' }),
      portal.factory.user({ teams: [[team.id, 'officer']], displayName: 'Officer Bangkok' }),
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

  it('issues a key with its secret shown once, and revokes it after a confirmation', async () => {
    const page = await portal.signIn(lead);
    await openTeam(page);
    const section = page.getByRole('region', { name: 'TAXII keys' });
    await section.getByText('This team has no TAXII keys.').waitFor();

    // A label is needed.
    await section.getByRole('button', { name: 'Issue key' }).click();
    await section.getByRole('link', { name: 'Enter a label for the key' }).waitFor();
    await checkScreen(page, 'team-taxii-invalid');

    await section.getByLabel('Label').fill(`  OpenCTI Bangkok ${tag}  `);
    await section.getByRole('button', { name: 'Issue key' }).click();
    const once = section.getByRole('region', { name: `Copy the key “OpenCTI Bangkok ${tag}” now` });
    await once.waitFor();
    await once.getByText('This is the only time the secret is shown.', { exact: false }).waitFor();
    const keyId = (await once.locator('#taxii-key-id-value').innerText()).trim();
    const secret = (await once.locator('#taxii-secret-value').innerText()).trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await once.getByText(`${portal.url}/taxii2/`).waitFor();
    const [stored] = await portal.api.db.query(
      'SELECT team_id, label, created_by FROM taxii_keys WHERE id = $1',
      [keyId],
    );
    expect(stored).toEqual({
      team_id: team.id,
      label: `OpenCTI Bangkok ${tag}`,
      created_by: lead.id,
    });
    // The key works as shown.
    const keys = portal.api.app.get(TaxiiKeysService);
    expect(await keys.authenticate(keyId, secret)).toEqual({ keyId, teamId: team.id });
    const row = section.getByRole('row').filter({ hasText: `OpenCTI Bangkok ${tag}` });
    await row.getByText('Never used').waitFor();
    await checkScreen(page, 'team-taxii-secret-once');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await once.getByRole('button', { name: 'Copy the secret' }).click();
    await once.getByText('The secret is copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // After a reload the secret is nowhere: not on the page, not in web storage.
    await page.reload();
    await expectOneH1(page, 'Team');
    await row.waitFor();
    expect(await section.getByRole('region').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(await webStorage(page))).not.toContain(secret);
    await checkScreen(page, 'team-taxii-list');

    await row.getByRole('button', { name: /^Revoke/ }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke the key “OpenCTI Bangkok ${tag}”?` });
    await dialog.waitFor();
    await checkScreen(page, 'team-taxii-revoke-confirm');
    await dialog.getByRole('button', { name: 'Yes, revoke' }).click();
    await section.getByText('This team has no TAXII keys.').waitFor();
    await page.getByText(`The key “OpenCTI Bangkok ${tag}” is revoked.`).waitFor();
    expect(await keys.authenticate(keyId, secret)).toBeNull();
    const [revoked] = await portal.api.db.query('SELECT revoked_by FROM taxii_keys WHERE id = $1', [
      keyId,
    ]);
    expect(revoked.revoked_by).toBe(lead.id);
    await page.context().close();
  });

  it('downloads a published report as a STIX bundle, and offers no download for RED', async () => {
    const title = `Forged visas at the border ${tag}`;
    const green = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(team.id, 'visa_fraud_trend', { title, tlp: 'GREEN' }),
    );
    const red = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(team.id, 'modus_operandi', {
        title: `For named eyes ${tag}`,
        tlp: 'RED',
        distribution: { userIds: [officer.id] },
      }),
    );
    const draft = await makeReport(
      portal.api,
      officer,
      lead,
      envelope(team.id, 'visa_fraud_trend', { title: `Still a draft ${tag}` }),
      'draft',
    );

    const page = await portal.signIn(officer);
    await page.goto(`/reports/${green.id}`);
    await expectOneH1(page, title);
    const button = page.getByRole('button', { name: 'Download STIX' });
    await button.waitFor();
    await checkScreen(page, 'report-stix-download');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`rilon-report-${green.id}.stix.json`);
    const path = await download.path();
    const bundle = JSON.parse(readFileSync(path, 'utf8'));
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--/);
    const report = bundle.objects.find((o: { type: string }) => o.type === 'report');
    expect(report).toMatchObject({ name: title, spec_version: '2.1' });
    expect(report.external_references).toEqual([
      expect.objectContaining({ source_name: 'rilon', external_id: green.id }),
    ]);
    await page.getByText('The STIX file is downloaded.').waitFor({ state: 'attached' });
    const audited = await portal.api.db.query(
      `SELECT 1 FROM audit_events WHERE action = 'report.export' AND target_id = $1 AND actor_id = $2`,
      [green.id, officer.id],
    );
    expect(audited).toHaveLength(1);

    // RED never leaves as STIX, and a draft is no export: no button on either.
    for (const [id, name] of [
      [red.id, `For named eyes ${tag}`],
      [draft.id, `Still a draft ${tag}`],
    ]) {
      await page.goto(`/reports/${id}`);
      await expectOneH1(page, name);
      await page.getByRole('heading', { name: 'Details' }).waitFor();
      expect(await page.getByRole('button', { name: 'Download STIX' }).count()).toBe(0);
    }
    await checkScreen(page, 'report-draft-no-stix');
    await page.context().close();
  });
});
