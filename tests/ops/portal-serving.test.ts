import { Logger } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, TestApi } from '../support/harness';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INDEX =
  '<!doctype html><html lang="en"><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'document.getElementById("root").textContent = "RILON";\n';

interface Page {
  status: number;
  headers: Headers;
  text: string;
}

/** The strict policy of the portal's pages, directive by directive. */
function directives(csp: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values.join(' ');
  }
  return out;
}

function expectStrictPolicy(page: Page): void {
  const csp = directives(page.headers.get('content-security-policy'));
  expect(csp['default-src']).toBe("'self'");
  expect(csp['script-src']).toBe("'self'");
  expect(csp['connect-src']).toBe("'self'");
  expect(csp['frame-ancestors']).toBe("'none'");
  expect(csp['object-src']).toBe("'none'");
  expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
}

function expectProblem(page: Page, status: number): void {
  expect(page.status).toBe(status);
  expect(page.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(page.text)).toMatchObject({ status, type: expect.any(String) });
}

describe('the API serves the built portal', () => {
  let api: TestApi;
  let dir: string;

  async function page(path: string, accept = BROWSER, method = 'GET'): Promise<Page> {
    const response = await fetch(`${api.baseUrl}${path}`, { method, headers: { accept } });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rilon-portal-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await startApi({ PORTAL_DIR: dir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / and /index.html with index.html, revalidated, under the strict policy', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expectStrictPolicy(res);
    }
  });

  it('answers a deep link a browser opens with index.html, so the portal routes it', async () => {
    for (const path of ['/reports/some-id', '/inbox?tab=unread', '/admin-help']) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expectStrictPolicy(res);
    }
    const head = await page('/reports/some-id', BROWSER, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
    expect(head.text).toBe('');
  });

  it('serves hashed assets as immutable with their content type', async () => {
    const res = await page('/assets/app-abc123.js', '*/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(SCRIPT);
    expectStrictPolicy(res);
    const icon = await page('/favicon.svg', 'image/*');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the precompressed file to a browser that accepts it, the plain one otherwise', async () => {
    const url = `${api.baseUrl}/assets/app-abc123.js`;
    const br = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await br.text()).toBe(SCRIPT); // fetch decodes it
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('keeps unknown paths of the API, health, metrics and admin a 404 problem, HTML or not', async () => {
    for (const path of [
      '/api/v1/nope',
      '/api/nope',
      '/health/nope',
      '/metrics/x',
      '/admin/nope',
      '/taxii2/nope',
      '/taxii2/rilon/nope/',
    ]) {
      expectProblem(await page(path), 404);
    }
    const api404 = await page('/api/v1/nope', 'application/json');
    expectProblem(api404, 404);
    expect(JSON.parse(api404.text)).toMatchObject({ instance: '/api/v1/nope' });
  });

  it('answers unknown paths with a 404 problem to clients that do not ask for HTML', async () => {
    expectProblem(await page('/unknown', 'application/json'), 404);
    expectProblem(await page('/assets/app-missing.js', '*/*'), 404);
    expectProblem(await page('/reports/some-id', BROWSER, 'POST'), 404);
  });

  it('keeps the looser policy of Swagger UI under /api/docs only', async () => {
    const docs = await page('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toMatch(/swagger/i);
    const csp = directives(docs.headers.get('content-security-policy'));
    expect(csp['script-src']).toContain("'unsafe-inline'");
    expect(csp['frame-ancestors']).toBe("'none'");
    const json = await page('/api/openapi.json', 'application/json');
    expect(json.status).toBe(200);
    expectStrictPolicy(json);
  });

  it('keeps health and the API as they were', async () => {
    const live = await page('/health/live', 'application/json');
    expect(live.status).toBe(200);
    expect(JSON.parse(live.text)).toMatchObject({ status: 'ok' });
    expectStrictPolicy(live);
    const me = await page('/api/v1/me', BROWSER);
    expectProblem(me, 401);
    expectStrictPolicy(me);
  });
});

describe('the API without a built portal', () => {
  let api: TestApi;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(Logger.prototype, 'warn');
    api = await startApi({ PORTAL_DIR: join(tmpdir(), 'rilon-no-portal-here') });
  });
  afterAll(async () => {
    warn.mockRestore();
    await api.close();
  });

  it('warns once at start and serves nothing extra', async () => {
    const warnings = warn.mock.calls.filter(([message]) => /No built portal/.test(String(message)));
    expect(warnings).toHaveLength(1);
    for (const path of ['/', '/reports/some-id']) {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { accept: BROWSER } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
