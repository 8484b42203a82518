// Lets plain Node require the TypeScript sources, compiled on the fly by SWC with the
// options the Jest config uses (legacy decorators and their metadata, which Nest and
// class-validator read), and resolves the @rilon/* libraries as tsconfig.json maps them.
// For scripts that need the app's code without a build (npm run lint:api).
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const ROOT = join(__dirname, '../..');
const OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...OPTIONS, filename });
  module._compile(code, filename);
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@rilon\/(core|audit|identity|network|reports|notifications)$/.exec(request);
  return resolveFilename.call(this, lib ? join(ROOT, 'libs', lib[1], 'src') : request, ...rest);
};
