// The portal's JavaScript budget (docs/architecture.md, "The web portal"): the first pages a user opens
// (sign-in, then the inbox) may load at most 150 KB of JavaScript, gzip. Follows Vite's
// manifest from index.html through every static import, and through the portal itself,
// which the small entry imports dynamically and index.html preloads (app/start.tsx); the
// screens' lazy chunks are not counted.
// Usage: node scripts/portal-budget.mjs [dist/portal]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT = 150 * 1000;
const dir = resolve(process.argv[2] ?? 'dist/portal');
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
if (!entry) {
  console.error('portal budget: no entry chunk in the manifest');
  process.exit(1);
}
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
visit(entry[0]);
const START = 'src/app/start.tsx';
if (!manifest[START]) {
  console.error(`portal budget: no ${START} chunk in the manifest`);
  process.exit(1);
}
visit(START);
let total = 0;
const rows = [];
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  rows.push(`  ${file}: ${(size / 1000).toFixed(1)} kB`);
}
const lazy = Object.values(manifest).filter(
  (c) => c.file.endsWith('.js') && c.isDynamicEntry,
).length;
console.log(
  `portal budget: first page loads ${(total / 1000).toFixed(1)} kB of JavaScript (gzip), limit ${LIMIT / 1000} kB; ${lazy} chunks load when opened`,
);
console.log(rows.join('\n'));
if (total > LIMIT) {
  console.error('portal budget: over the limit; load the new code lazily or find what grew');
  process.exit(1);
}
