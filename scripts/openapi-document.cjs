// Writes the OpenAPI document the API serves to a file (default .data/openapi.json), from
// the sources and without a database or Redis: `node scripts/openapi-document.cjs [file]`.
// npm run lint:api lints what this writes.
require('./lib/register-ts.cjs');
require('reflect-metadata');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { offlineOpenApiDocument } = require('../apps/api/src/openapi/offline-document.ts');

const file = resolve(process.argv[2] ?? '.data/openapi.json');
offlineOpenApiDocument().then(
  (document) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
