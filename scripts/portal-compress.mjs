// Officers work over slow and metered links: every text file of the built portal is
// written beside itself compressed (.br and .gz), and the API serves the one the browser
// accepts (@fastify/static preCompressed), at no CPU cost per request.
// Usage: node scripts/portal-compress.mjs [dist/portal]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? 'dist/portal');
const TEXT = /\.(js|css|html|json|svg|txt)$/;
let files = 0;
const walk = (folder) => {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (name !== '.vite') walk(path);
      continue;
    }
    if (!TEXT.test(name)) continue;
    const data = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    files++;
  }
};
walk(dir);
console.log(`portal: ${files} files compressed (.br, .gz) in ${dir}`);
