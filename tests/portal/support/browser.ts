import AxeBuilder from '@axe-core/playwright';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningWorker } from '../../../apps/worker/src/create-worker';
import { Factory, type TestUser } from '../../support/factories';
import { startApi, startWorker, waitFor, type TestApi } from '../../support/harness';

/** Debian's Chromium; scripts/test.sh installs it (as root) or says what to install. */
export const CHROMIUM = process.env.RILON_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const SCREENSHOTS = join(__dirname, '../../../test-results/portal');

/**
 * One portal under test: the real API (serving the built portal from dist/portal), the
 * real worker, their own database and Redis prefix, and a headless Chromium.
 */
export class Portal {
  readonly factory: Factory;
  private constructor(
    readonly api: TestApi,
    readonly worker: RunningWorker | null,
    readonly browser: Browser,
  ) {
    this.factory = new Factory(api);
  }

  static async start(options: { worker?: boolean; env?: Record<string, string> } = {}) {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-noto-core)`,
      );
    if (!existsSync(join(__dirname, '../../../dist/portal/index.html')))
      throw new Error('the portal is not built: run npm run build:portal');
    // A copy of the build of its own: a rebuild meanwhile (another run) cannot pull the
    // files from under this portal, whose file routes are fixed at start.
    const portalDir = mkdtempSync(join(tmpdir(), 'rilon-portal-test-'));
    cpSync(join(__dirname, '../../../dist/portal'), portalDir, { recursive: true });
    const api = await startApi({ PORTAL_DIR: portalDir, ...(options.env ?? {}) });
    const worker = options.worker === false ? null : await startWorker(api);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    return new Portal(api, worker, browser);
  }

  get url(): string {
    return this.api.baseUrl;
  }

  /** A fresh browser profile (its own cookies and storage), as a new person on a new laptop. */
  async context(): Promise<BrowserContext> {
    return this.browser.newContext({
      baseURL: this.url,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Asia/Bangkok',
    });
  }

  async page(context?: BrowserContext): Promise<Page> {
    const page = await (context ?? (await this.context())).newPage();
    // Generous: the API, worker, database and browser share two cores.
    page.setDefaultTimeout(30_000);
    return page;
  }

  /** Signs in through the sign-in screen, as a person would, and waits for the inbox. */
  async signIn(user: TestUser, page?: Page): Promise<Page> {
    const p = page ?? (await this.page());
    await p.goto('/sign-in');
    await p.getByLabel('E-mail').fill(user.email);
    await p.getByLabel('Password').fill(user.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    return p;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.worker?.close();
    await this.api.close();
    rmSync(this.api.config.portalDir, { recursive: true, force: true });
  }
}

/**
 * Runs axe with the WCAG 2.2 AA rules on the page as it is and fails on any violation,
 * naming each rule and the elements it found. Also saves a screenshot of the screen.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}

/** What the page keeps in web storage: it must never hold a token or report content. */
export async function webStorage(page: Page): Promise<{
  local: Record<string, string>;
  session: Record<string, string>;
  indexedDb: string[];
}> {
  return page.evaluate(async () => {
    const dump = (s: Storage) =>
      Object.fromEntries(
        Array.from({ length: s.length }, (_, i) => s.key(i) as string).map((k) => [
          k,
          s.getItem(k) ?? '',
        ]),
      );
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      indexedDb: dbs.map((d) => d.name ?? ''),
    };
  });
}

/**
 * Waits for the main landmark's h1 to read `name` (a route may still be loading), then
 * checks it is the only h1 there.
 */
export async function expectOneH1(page: Page, name: string | RegExp): Promise<void> {
  const main = page.getByRole('main');
  const exact = typeof name === 'string' ? new RegExp(`^\\s*${escape(name)}\\s*$`) : name;
  await main.getByRole('heading', { level: 1, name: exact }).waitFor();
  // Counted once the page has settled (a part still loading may re-render it).
  await waitFor(
    async () => (await main.getByRole('heading', { level: 1, name: exact }).count()) === 1,
    10_000,
    `the h1 "${String(name)}"`,
  );
  expect(await main.getByRole('heading', { level: 1 }).count()).toBe(1);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
