import { defineConfig } from 'vitest/config';

/** Pure logic only (schemas, error mapping, URL filters, CSV): the browser tests are in tests/portal. */
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' },
});
