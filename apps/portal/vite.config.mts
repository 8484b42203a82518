import { resolve } from 'node:path';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * index.html also preloads the chunk main.tsx imports dynamically (app/start.tsx, the
 * portal itself) with everything it imports, and links its stylesheets: they download
 * alongside the small entry, which meanwhile asks for the session.
 */
function preloadStart(module: string): Plugin {
  return {
    name: 'rilon-preload-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return;
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(module));
        if (!start) throw new Error(`rilon-preload-start: no chunk for ${module}`);
        const linked = new Set<string>();
        const collect = (fileName: string) => {
          if (linked.has(fileName)) return;
          linked.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') for (const next of chunk.imports) collect(next);
        };
        if (context.chunk) collect(context.chunk.fileName); // the entry: linked already
        const already = new Set(linked);
        collect(start.fileName);
        const tags: HtmlTagDescriptor[] = [];
        const styles = new Set<string>();
        for (const fileName of linked) {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk') continue;
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          if (!already.has(fileName))
            tags.push({
              tag: 'link',
              attrs: {
                rel: 'preload',
                as: 'script',
                crossorigin: true,
                fetchpriority: 'low',
                href: `/${fileName}`,
              },
              injectTo: 'head',
            });
        }
        const entryStyles = new Set(context.chunk?.viteMetadata?.importedCss ?? []);
        for (const css of styles)
          if (!entryStyles.has(css))
            tags.push({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `/${css}` },
              injectTo: 'head',
            });
        return tags;
      },
    },
  };
}

/**
 * The portal builds into dist/portal, which the API serves from its own origin. No
 * inline script or style ends up in index.html (the page's CSP forbids them), and the
 * manifest lets the budget check follow what each page loads.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  plugins: [preloadStart('/src/app/start.tsx')],
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
