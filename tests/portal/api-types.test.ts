import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, TestApi } from '../support/harness';

/**
 * The portal's API types are generated from the OpenAPI document the API serves. This
 * fails when the committed file drifts from it; `npm run portal:types` writes it anew.
 */
const COMMITTED = join(__dirname, '../../apps/portal/src/lib/api/schema.d.ts');

export function generateTypes(document: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rilon-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, document);
    execFileSync(
      join(__dirname, '../../node_modules/.bin/openapi-typescript'),
      [input, '-o', output, '--alphabetize', '--root-types'],
      { stdio: 'pipe' },
    );
    return (
      '// Generated from /api/openapi.json by `npm run portal:types`; do not edit.\n' +
      readFileSync(output, 'utf8')
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the portal API types', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('match the OpenAPI document the API serves', async () => {
    const res = await api.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const generated = generateTypes(res.text);
    if (process.env.RILON_WRITE_PORTAL_TYPES === '1') writeFileSync(COMMITTED, generated);
    const committed = readFileSync(COMMITTED, 'utf8');
    // On a mismatch: run `npm run portal:types` and commit the result.
    expect(committed).toBe(generated);
  });
});
