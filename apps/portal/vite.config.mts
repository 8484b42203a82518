import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The portal builds into dist/portal, which the API serves from its own origin. No
 * inline script or style ends up in index.html (the page's CSP forbids them), and the
 * manifest lets the budget check follow what each page loads.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/portal'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client"; a client-only bundle has no use for it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
