import fc from 'fast-check';
import { HOSTILE_STRINGS, hostileString, POLLUTING_KEYS } from './payloads';

/** The part of an OpenAPI 3 schema object the generators read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One operation of the document: `POST /api/v1/reports/{id}/submit`. */
export interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

/**
 * JSON text that `JSON.stringify` cannot produce from a value: a number beyond a double,
 * nesting deeper than a recursive serializer survives, a duplicate key, a `__proto__` key.
 */
export class RawJson {
  constructor(readonly text: string) {}
  [fc.toStringMethod](): string {
    return `RawJson(${short(this.text)})`;
  }
}

/** The JSON text of a generated value (RawJson pieces go in as they are). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  // undefined has no JSON form: an optional property left out by the generator.
  return JSON.stringify(value) ?? 'null';
}

export function short(text: string, max = 120): string {
  return text.length <= max
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)`;
}

/** What the generators draw ids from: the objects of the test database, so routes get past "not found". */
export interface Context {
  doc: OpenApiDocument;
  ids: string[];
}

/** The schema with its reference followed and an `allOf` merged into one object schema. */
export function resolve(schema: Schema | undefined, ctx: Context): Schema {
  let s: Schema = schema ?? {};
  for (let hops = 0; s.$ref && hops < 20; hops++) {
    const name = s.$ref.split('/').pop() ?? '';
    s = { ...(ctx.doc.components?.schemas?.[name] ?? {}), ...withoutRef(s) };
  }
  if (s.allOf) {
    const parts = s.allOf.map((part) => resolve(part, ctx));
    const merged: Schema = { ...s, allOf: undefined };
    for (const part of parts) {
      merged.type ??= part.type;
      merged.properties = { ...(merged.properties ?? {}), ...(part.properties ?? {}) };
      merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
    }
    return merged;
  }
  return s;
}

function withoutRef(s: Schema): Schema {
  const copy = { ...s };
  delete copy.$ref;
  return copy;
}

/** `p` made to fit between `min` and `max` characters (cut or padded). */
function fit(p: string, min: number, max: number): string {
  const cut = p.slice(0, max);
  return cut.length >= min ? cut : cut + 'a'.repeat(min - cut.length);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const day = fc
  .date({ min: new Date('2019-01-01'), max: new Date('2031-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());

function validString(s: Schema, ctx: Context): fc.Arbitrary<string> {
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid());
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 1000;
  const choices: Array<fc.Arbitrary<string>> = [
    fc.string({ minLength: min, maxLength: Math.min(max, min + 40) }),
    fc.string({ minLength: min, maxLength: Math.min(max, min + 20), unit: 'grapheme' }),
    hostileString.map((p) => fit(p, min, max)),
  ];
  if (s.maxLength !== undefined) choices.push(fc.constant(fit('', max, max)));
  if (s.pattern) {
    try {
      choices.push(fc.stringMatching(new RegExp(s.pattern)));
    } catch {
      // A pattern fast-check cannot invert (a lookahead): the other choices stand.
    }
  }
  const example = s.example;
  if (typeof example === 'string') {
    choices.push(fc.constant(example), fc.constant(example));
    if (DATE.test(example)) choices.push(day.map((d) => d.slice(0, 10)));
    if (MONTH.test(example)) choices.push(day.map((d) => d.slice(0, 7)));
    if (example.includes('@')) choices.push(fc.emailAddress());
  }
  if (s.format === 'date-time') choices.push(day);
  return fc.oneof(...choices);
}

function validNumber(s: Schema): fc.Arbitrary<number> {
  const min = s.minimum ?? -1_000_000;
  const max = s.maximum ?? 1_000_000;
  const ints = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const edges = fc.constantFrom(min, max);
  return s.type === 'integer'
    ? fc.oneof(ints, edges)
    : fc.oneof(ints, edges, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** A value of the schema's shape, within its limits and often at them. */
export function valid(schema: Schema | undefined, ctx: Context): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  const inner = ((): fc.Arbitrary<unknown> => {
    if (s.oneOf ?? s.anyOf)
      return fc.oneof(...(s.oneOf ?? s.anyOf ?? []).map((member) => valid(member, ctx)));
    if (s.enum) return fc.constantFrom(...s.enum);
    switch (s.type ?? 'object') {
      case 'string':
        return validString(s, ctx);
      case 'number':
      case 'integer':
        return validNumber(s);
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const minLength = s.minItems ?? 0;
        const lengths = [
          fc.array(valid(s.items, ctx), {
            minLength,
            maxLength: Math.min(s.maxItems ?? minLength + 3, minLength + 3),
          }),
        ];
        if (s.maxItems !== undefined && s.maxItems <= 200)
          lengths.push(
            fc.array(valid(s.items, ctx), { minLength: s.maxItems, maxLength: s.maxItems }),
          );
        return fc.oneof({ weight: 4, arbitrary: lengths[0] }, ...lengths.slice(1));
      }
      case 'object':
      default: {
        if (!s.properties) return fc.oneof(fc.constant({}), fc.object({ maxDepth: 2 }));
        const props: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, prop] of Object.entries(s.properties)) props[name] = valid(prop, ctx);
        return fc.record(props, { requiredKeys: s.required ?? [] });
      }
    }
  })();
  return s.nullable ? fc.option(inner, { nil: null, freq: 8 }) : inner;
}

/** A JSON value nested `depth` levels deep, as text (a recursive serializer would overflow). */
export function deeplyNested(depth: number, kind: 'array' | 'object'): RawJson {
  return kind === 'array'
    ? new RawJson('['.repeat(depth) + ']'.repeat(depth))
    : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

const deep = fc
  .tuple(fc.constantFrom(40, 1_000, 20_000), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => deeplyNested(depth, kind));

const NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 63),
  2 ** 31,
  -1,
  -0,
  0.5,
  1e-320,
];
const RAW_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890', '1.0e-400'];

/** Anything that is not a value of the schema: another type, beyond a limit, or hostile text. */
export function hostile(schema: Schema | undefined, ctx: Context): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  const anyType = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(...RAW_NUMBERS).map((n) => new RawJson(n)),
    hostileString,
    fc.constant([]),
    fc.constant({}),
    fc.array(hostileString, { minLength: 1, maxLength: 3 }),
    fc
      .constantFrom(...POLLUTING_KEYS)
      .map((key) => new RawJson(`{${JSON.stringify(key)}:{"isAdmin":true,"globalRole":"admin"}}`)),
    deep,
  );
  const specific: Array<fc.Arbitrary<unknown>> = [];
  if (s.type === 'string' || s.enum) {
    const max = s.maxLength ?? 1000;
    specific.push(
      hostileString,
      fc.constant('x'.repeat(max + 1)),
      fc.constant('\ud800'.repeat(Math.min(max, 50))),
      fc
        .constantFrom(...HOSTILE_STRINGS)
        .map((p) => p.repeat(Math.ceil(100_000 / (p.length || 1)))),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    if (s.enum) specific.push(fc.constantFrom(...s.enum).map((e) => `${String(e)} `));
    if (s.enum) specific.push(fc.constantFrom(...s.enum).map((e) => String(e).toUpperCase()));
  }
  if (s.type === 'number' || s.type === 'integer') {
    specific.push(
      fc.constantFrom(...NUMBERS),
      fc.constantFrom(...RAW_NUMBERS).map((n) => new RawJson(n)),
      fc.constantFrom('1', '0x10', '1e3', ''),
    );
    if (s.minimum !== undefined) specific.push(fc.constant(s.minimum - 1));
    if (s.maximum !== undefined) specific.push(fc.constant(s.maximum + 1));
    if (s.type === 'integer') specific.push(fc.constant((s.minimum ?? 0) + 0.5));
  }
  if (s.type === 'array') {
    const item = fc.oneof(valid(s.items, ctx), hostile(s.items, ctx));
    specific.push(
      fc.array(item, { minLength: 1, maxLength: 4 }),
      fc.constant(new Array((s.maxItems ?? 1000) + 1).fill('x')),
      fc
        .constant(s.maxItems ?? 1000)
        .chain((max) => fc.array(valid(s.items, ctx), { minLength: max + 1, maxLength: max + 2 })),
    );
  }
  return fc.oneof({ weight: 2, arbitrary: anyType }, ...specific);
}

/** An object with one more own property (a `__proto__` key made own, not a prototype). */
function withKey(value: unknown, key: string, extra: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = { ...value };
  Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true });
  return copy;
}

const EXTRA_KEYS = [...POLLUTING_KEYS, 'unknownField', '', 'a\u0000b', '$where', 'id', '\ud800'];

/**
 * A value of the schema's shape with one thing wrong, somewhere in it: one property
 * hostile (at any depth), a required one missing, an unknown or polluting key, an array
 * with a hostile item or beyond its limits. This is what gets past a shallow check.
 */
export function mutated(schema: Schema | undefined, ctx: Context): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  if (s.oneOf ?? s.anyOf)
    return fc.oneof(...(s.oneOf ?? s.anyOf ?? []).map((member) => mutated(member, ctx)));
  if (s.type === 'array' && s.items) {
    const items = s.items;
    return fc.oneof(
      fc
        .tuple(
          fc.array(valid(items, ctx), { maxLength: 3 }),
          fc.oneof(hostile(items, ctx), mutated(items, ctx)),
        )
        .chain(([list, bad]) =>
          fc.nat(list.length).map((at) => [...list.slice(0, at), bad, ...list.slice(at)]),
        ),
      hostile(s, ctx),
    );
  }
  if (s.properties && Object.keys(s.properties).length > 0) {
    const properties = s.properties;
    const required = s.required ?? [];
    const choices: Array<fc.Arbitrary<unknown>> = [
      fc.constantFrom(...Object.keys(properties)).chain((name) => {
        const props: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [other, prop] of Object.entries(properties))
          props[other] =
            other === name ? fc.oneof(hostile(prop, ctx), mutated(prop, ctx)) : valid(prop, ctx);
        return fc.record(props, { requiredKeys: [...new Set([...required, name])] });
      }),
      fc
        .tuple(
          valid(s, ctx),
          fc.constantFrom(...EXTRA_KEYS),
          fc.oneof(hostile(undefined, ctx), fc.constant({ isAdmin: true })),
        )
        .map(([value, key, extra]) => withKey(value, key, extra)),
    ];
    if (required.length > 0)
      choices.push(
        fc.tuple(valid(s, ctx), fc.constantFrom(...required)).map(([value, name]) => {
          const copy = { ...(value as Record<string, unknown>) };
          delete copy[name];
          return copy;
        }),
      );
    return fc.oneof(...choices);
  }
  return hostile(s, ctx);
}

/**
 * A URI component, percent-encoded; a lone surrogate (which encodeURIComponent refuses)
 * goes as the three bytes a careless encoder would send, so the server sees it too.
 */
export function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let out = '';
    for (const ch of text) {
      try {
        out += encodeURIComponent(ch);
      } catch {
        const c = ch.charCodeAt(0);
        out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
    }
    return out;
  }
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : v instanceof RawJson ? v.text : toJsonText(v);
}

/** A query or header value as text that the schema allows. */
export function validText(schema: Schema | undefined, ctx: Context): fc.Arbitrary<string> {
  return valid(schema, ctx).map(asText);
}

/** A query or header value as text that the schema does not allow, or hostile text. */
export function hostileText(schema: Schema | undefined, ctx: Context): fc.Arbitrary<string> {
  return hostile(schema, ctx).map(asText);
}
