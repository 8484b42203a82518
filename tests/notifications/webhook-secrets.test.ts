import { openWebhookSecret } from '@rilon/notifications';
import { randomBytes } from 'node:crypto';
import type { RunningWorker } from '../../apps/worker/src/create-worker';
import { Cast, createCast, Factory } from '../support/factories';
import { startApi, startWorker, TestApi, waitFor } from '../support/harness';
import { envelope, fanoutDone, makeReport } from './notify-helpers';
import { verifySignature, WebhookReceiver } from './webhook-receiver';

jest.setTimeout(90_000);

const SEALED = /^rwk1\.([0-9a-f]{16})\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/;

/**
 * Hole 1.8 (webhook secrets in plain text): whoever could read the database (a backup, a
 * replica, a read-only role) could sign deliveries as the portal. The API now seals them
 * with AES-256-GCM under WEBHOOK_SECRET_KEY; receivers notice nothing.
 */
describe('webhook secrets sealed at rest', () => {
  let api: TestApi;
  let worker: RunningWorker | undefined;
  let cast: Cast;
  const receiver = new WebhookReceiver();
  const secretA = `team-a-${randomBytes(12).toString('hex')}`;
  const legacyB = `legacy-b-${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    await receiver.start();
    api = await startApi();
    cast = await createCast(new Factory(api));
    worker = await startWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver.stop();
  });

  /**
   * Stops the API and starts it again on the same database, tokens and Redis prefix. (Two
   * API instances at once in one process would share passport's strategy; one at a time.)
   */
  async function restartApi(env: Record<string, string> = {}): Promise<void> {
    const { database, config } = api;
    await api.app.close();
    api = await startApi(
      { JWT_SECRET: config.jwt.signingKey, QUEUE_PREFIX: config.queuePrefix, ...env },
      database,
    );
  }

  async function storedSecret(teamId: string): Promise<string> {
    const rows: Array<{ secret: string }> = await api.db.query(
      'SELECT secret FROM team_webhooks WHERE team_id = $1',
      [teamId],
    );
    return rows[0].secret;
  }

  /** Rows of any table of the database whose text holds `needle`, by table. */
  async function tablesHolding(needle: string): Promise<string[]> {
    const tables: Array<{ name: string }> = await api.db.query(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.name)).toContain('team_webhooks');
    const holding: string[] = [];
    for (const { name } of tables) {
      const [{ n }] = await api.db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ${name} x WHERE strpos(x::text, $1) > 0`,
        [needle],
      );
      if (n > 0) holding.push(name);
    }
    return holding;
  }

  /** Publishes a GREEN report of team A and answers the delivery `team` received of it. */
  async function deliveryOfNewReport(team: string) {
    const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
    await fanoutDone(api, worker!, 'report.published', report.id);
    const [delivery] = await waitFor(
      () => {
        const got = receiver.to(team).filter((d) => d.raw.includes(report.id));
        return got.length > 0 && got;
      },
      20_000,
      `the delivery to ${team}`,
    );
    return delivery;
  }

  it('keeps no plain secret anywhere in the database, and deliveries still verify', async () => {
    const res = await api.put(
      `/teams/${cast.teamA.id}/webhook`,
      { url: receiver.endpoint('A', secretA), secret: secretA },
      { token: cast.lead.token },
    );
    expect(res.status).toBe(200);
    const stored = await storedSecret(cast.teamA.id);
    expect(stored).toMatch(SEALED);
    expect(SEALED.exec(stored)?.[1]).toBe(api.config.webhookSecretKeys.currentId);
    expect(await tablesHolding(secretA)).toEqual([]);

    const delivery = await deliveryOfNewReport('A');
    expect(delivery.signed).toBe(true);
    expect(
      verifySignature(String(delivery.headers['x-rilon-signature']), secretA, delivery.raw),
    ).toBe(true);
  });

  it('signs with a legacy plain-text row, and the API seals it at its next start', async () => {
    const set = await api.put(
      `/teams/${cast.teamB.id}/webhook`,
      { url: receiver.endpoint('B', legacyB), secret: 'to-be-replaced-0123456789' },
      { token: cast.otherLead.token },
    );
    expect(set.status).toBe(200);
    // A row as it was before secrets were sealed (the migration leaves those as they are).
    await api.db.query('UPDATE team_webhooks SET secret = $2 WHERE team_id = $1', [
      cast.teamB.id,
      legacyB,
    ]);
    expect((await deliveryOfNewReport('B')).signed).toBe(true);

    // The API starts again: it seals the plain row.
    await restartApi();
    const stored = await storedSecret(cast.teamB.id);
    expect(stored).toMatch(SEALED);
    expect(await tablesHolding(legacyB)).toEqual([]);
    expect(openWebhookSecret(api.config.webhookSecretKeys, cast.teamB.id, stored)).toEqual({
      secret: legacyB,
      stale: false,
    });
    expect((await deliveryOfNewReport('B')).signed).toBe(true);
  });

  it('seals every row again under a new key at start after a rotation; an unknown key leaves rows be', async () => {
    const oldKeys = api.config.webhookSecretKeys;
    const oldKey = oldKeys.keys.get(oldKeys.currentId)!.toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const sealedBefore = await storedSecret(cast.teamA.id);

    // The rotation: the old key goes to WEBHOOK_SECRET_KEYS_PREVIOUS, a new one in.
    const rotation = { WEBHOOK_SECRET_KEY: newKey, WEBHOOK_SECRET_KEYS_PREVIOUS: oldKey };
    await worker?.close();
    worker = undefined;
    await restartApi(rotation);
    const newId = api.config.webhookSecretKeys.currentId;
    expect(newId).not.toBe(oldKeys.currentId);
    for (const teamId of [cast.teamA.id, cast.teamB.id]) {
      expect(SEALED.exec(await storedSecret(teamId))?.[1]).toBe(newId);
    }
    expect(await storedSecret(cast.teamA.id)).not.toBe(sealedBefore);

    // A worker with the same keys signs as before.
    worker = await startWorker(api);
    const report = await makeReport(api, cast.officer, cast.lead, envelope(cast.teamA.id));
    await fanoutDone(api, worker, 'report.published', report.id);
    const delivered = await waitFor(
      () => {
        const got = receiver.deliveries.filter((d) => d.raw.includes(report.id));
        return got.length >= 2 && got;
      },
      20_000,
      'deliveries to A and B under the new key',
    );
    expect(delivered.map((d) => [d.path, d.signed]).sort()).toEqual([
      ['/A', true],
      ['/B', true],
    ]);

    // An instance given neither key still starts; unable to open the rows, it leaves them be.
    const sealedNow = await storedSecret(cast.teamA.id);
    await restartApi({ WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64') });
    expect(await storedSecret(cast.teamA.id)).toBe(sealedNow);
  });
});
