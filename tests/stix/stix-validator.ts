import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, 'schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';

/** Every vendored OASIS schema, by its $id (the folders refer to each other relatively). */
function loadAjv(): Ajv2020 {
  // strict off: the OASIS schemas use keywords ajv's strict mode frowns on; unicodeRegExp off:
  // their patterns escape '-' (\-), which a unicode RegExp refuses. (unknown formats
  // aside, `definitions` next to 2020-12 `$defs`); every rule they state is still applied.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  for (const folder of ['common', 'sdos', 'sros', 'observables'])
    for (const file of readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.json')))
      ajv.addSchema(JSON.parse(readFileSync(join(ROOT, folder, file), 'utf8')) as object);
  return ajv;
}

const ajv = loadAjv();
const validators = new Map<string, ValidateFunction>();

function validator(path: string): ValidateFunction {
  const existing = validators.get(path);
  if (existing) return existing;
  const found = ajv.getSchema(`${BASE}/${path}`);
  if (!found) throw new Error(`no OASIS schema ${path}`);
  validators.set(path, found);
  return found;
}

/** The types the export produces that common/bundle.json names. */
const IN_BUNDLE_SCHEMA = new Set(['identity', 'report', 'marking-definition']);

/** The schema of each object type the export produces. */
const OBJECT_SCHEMAS: Record<string, string> = {
  identity: 'sdos/identity.json',
  location: 'sdos/location.json',
  note: 'sdos/note.json',
  report: 'sdos/report.json',
  'marking-definition': 'common/marking-definition.json',
  'extension-definition': 'common/extension-definition.json',
};

/**
 * The faults of the objects of a TAXII envelope, each against its own type's schema (an
 * envelope is no bundle: a page may hold only locations, which bundle.json does not list).
 */
export function envelopeFaults(objects: Array<{ type: string; id: string }>): string[] {
  const faults: string[] = [];
  for (const o of objects) {
    const path = OBJECT_SCHEMAS[o.type];
    if (!path) {
      faults.push(`${o.id}: no schema for type ${o.type}`);
      continue;
    }
    const id = o.id;
    const validate = validator(path);
    if (!validate(o))
      faults.push(
        ...(validate.errors ?? []).map((e) => `${id}${e.instancePath} ${e.message ?? ''}`),
      );
  }
  return faults;
}

/**
 * The faults of a bundle against the OASIS schemas: the bundle schema, then each object
 * against its own type's schema.
 */
export function stixFaults(bundle: unknown): string[] {
  const faults: string[] = [];
  const check = (path: string, value: unknown, where: string): void => {
    const validate = validator(path);
    if (!validate(value))
      faults.push(
        ...(validate.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? ''}`),
      );
  };
  const objects = (bundle as { objects?: Array<{ type: string; id: string }> }).objects ?? [];
  // bundle.json lists no location, note or extension-definition, and such an object matches
  // both its core.json and cyber-observable-core.json in its custom-object branch (a oneOf),
  // so it cannot pass there: the bundle is checked with the types it lists, and every object
  // against its own type's schema below.
  check(
    'common/bundle.json',
    { ...(bundle as object), objects: objects.filter((o) => IN_BUNDLE_SCHEMA.has(o.type)) },
    'bundle',
  );
  for (const o of objects) {
    const path = OBJECT_SCHEMAS[o.type];
    if (!path) faults.push(`${o.id}: no schema for type ${o.type}`);
    else check(path, o, o.id);
  }
  return faults;
}
