import type { SchemaObject } from '@nestjs/swagger';
import { TransformationType } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// class-transformer keeps @Transform in a storage it does not export from its index, and
// ships that module's types apart from it (no .d.ts beside cjs/storage.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/**
 * What the validators of one property enforce, as JSON Schema keywords: `schema` for the
 * value itself, `items` for what `{ each: true }` checks on every element of an array.
 */
export interface EnforcedSchema {
  schema: SchemaObject;
  items: SchemaObject;
}

/** A JSON Schema pattern from a validator's RegExp; flags other than `u` cannot be expressed. */
function patternOf(source: unknown, modifiers?: unknown): string | undefined {
  if (source instanceof RegExp)
    return source.flags.replace('u', '') === '' ? source.source : undefined;
  if (typeof source === 'string' && (modifiers === undefined || modifiers === '')) return source;
  return undefined;
}

/** The control characters IsSingleLine refuses (see hasControlCharacter in @rilon/core). */
const SINGLE_LINE = '^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$';
const ALPHA3 = { pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 };

/**
 * The custom validators of this code base (registerDecorator, ValidateBy, @Validate), by
 * name: what each one admits, where JSON Schema can say it. `{}` marks a rule that JSON
 * Schema cannot state (a comparison with another field, "not in the future"); the
 * description of the field says it. An unknown name fails the document build, so a new
 * validator cannot go undeclared.
 */
const CUSTOM: Record<string, SchemaObject> = {
  isSingleLine: { pattern: SINGLE_LINE },
  isDateOnly: { format: 'date', minLength: 10, maxLength: 10 },
  isMonth: { pattern: '^\\d{4}-(0[1-9]|1[0-2])$', minLength: 7, maxLength: 7 },
  isCountryCode: ALPHA3,
  isNationalityCode: ALPHA3,
  isCountryAlpha3: ALPHA3,
  isRuleCountry: ALPHA3,
  isLanguageCode: { pattern: '^[a-z]{2}$', minLength: 2, maxLength: 2 },
  isIanaTimeZone: {
    pattern: '^(UTC|[A-Z][A-Za-z_-]+(\\/[A-Z0-9][A-Za-z0-9_+-]*){1,2})$',
    maxLength: 64,
  },
  // An IATA airport code (three capital letters) or 2-8 capital letters and digits.
  DetectionPointCodeRule: { pattern: '^[A-Z0-9]{2,8}$', minLength: 2, maxLength: 8 },
  // Rows unique by (indicator, nationality, borderType): uniqueItems would compare whole rows.
  uniqueObservations: {},
  notInFuture: {},
  notBefore: {},
  notAfter: {},
};

const INT32 = 2 ** 31;

/** class-validator's own decorators: the constraint values are the ones the pipe checks. */
function builtIn(name: string, c: unknown[]): SchemaObject | undefined {
  switch (name) {
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isArray':
      return { type: 'array' };
    case 'isObject':
      return { type: 'object' };
    case 'maxLength':
      return { maxLength: c[0] as number };
    case 'minLength':
      return { minLength: c[0] as number };
    case 'isLength':
      return {
        minLength: c[0] as number,
        ...(typeof c[1] === 'number' ? { maxLength: c[1] } : {}),
      };
    case 'min':
      return { minimum: c[0] as number };
    case 'max':
      return { maximum: c[0] as number };
    case 'arrayMaxSize':
      return { maxItems: c[0] as number };
    case 'arrayMinSize':
      return { minItems: c[0] as number };
    case 'arrayNotEmpty':
      return { minItems: 1 };
    // With an identifier function uniqueness is by key, which JSON Schema cannot say.
    case 'arrayUnique':
      return typeof c[0] === 'function' ? {} : { uniqueItems: true };
    case 'isIn':
      return { enum: [...(c[0] as unknown[])] };
    case 'isEnum':
      return { enum: Object.values(c[0] as object) };
    case 'matches': {
      const pattern = patternOf(c[0], c[1]);
      return pattern === undefined ? {} : { pattern };
    }
    // isUUID admits the 36-character hyphenated form only.
    case 'isUuid':
      return { format: 'uuid', minLength: 36, maxLength: 36 };
    case 'isEmail':
      return { format: 'email' };
    case 'isUrl':
      return { format: 'uri' };
    // Strict ISO 8601 admits a bare date too, so no `format`; the field's pattern says it.
    case 'isIso8601':
      return {};
    default:
      return undefined;
  }
}

function constraintName(m: ValidationMetadata): string | undefined {
  if (m.name) return m.name;
  const cls = m.constraintCls as { name?: string } | undefined;
  return cls?.name;
}

/** One validation metadata as schema keywords; undefined for those that say nothing of the shape. */
function keywordsOf(m: ValidationMetadata, where: string): SchemaObject | undefined {
  // IsOptional/ValidateIf, ValidateNested, IsDefined, Allow: the Swagger schema already
  // says required/optional and nesting.
  if (m.type !== ValidationTypes.CUSTOM_VALIDATION) return undefined;
  const name = constraintName(m);
  const constraints = m.constraints ?? [];
  const known = name ? (builtIn(name, constraints) ?? CUSTOM[name]) : undefined;
  if (!known)
    throw new Error(
      `${where}: the validator "${name ?? '?'}" has no JSON Schema mapping in apps/api/src/openapi/validator-schema.ts`,
    );
  return known;
}

/**
 * Both patterns at once, as one: JSON Schema patterns are searched for (not anchored), and
 * a lookahead from the start for each asks that each is found. A pattern anchored with ^
 * and $ keeps its meaning inside (without the m flag ^ matches at the start only).
 */
export function bothPatterns(a: string, b: string): string {
  return `^(?=[\\s\\S]*?(?:${a}))(?=[\\s\\S]*?(?:${b}))`;
}

/** Merges keywords; a second pattern on one value joins the first (one per schema object). */
function merge(into: SchemaObject, add: SchemaObject): void {
  for (const [key, value] of Object.entries(add) as [keyof SchemaObject, unknown][]) {
    if (key === 'pattern' && into.pattern !== undefined && into.pattern !== value) {
      into.pattern = bothPatterns(into.pattern, value as string);
    } else {
      (into as Record<string, unknown>)[key] = value;
    }
  }
}

/** Integers get the width their bounds allow (OpenAPI's int32 or int64). */
function withIntegerFormat(schema: SchemaObject): SchemaObject {
  if (schema.type !== 'integer') return schema;
  const { minimum = -INT32, maximum = INT32 - 1 } = schema;
  return { ...schema, format: minimum >= -INT32 && maximum < INT32 ? 'int32' : 'int64' };
}

/** The validators class-validator applies to `target`'s properties, by property name. */
export function validatedProperties(target: Function): Map<string, ValidationMetadata[]> {
  const all = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of all)
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  return byProperty;
}

/**
 * Whether class-transformer rewrites the property before the validators see it (a comma
 * list split into an array, "true" made a boolean): then they check another shape than the
 * one on the wire, and what they enforce is not a property of the request as sent.
 */
function transformedBeforeValidation(target: Function, property: string): boolean {
  return (
    defaultMetadataStorage.findTransformMetadatas(
      target,
      property,
      TransformationType.PLAIN_TO_CLASS,
    ).length > 0
  );
}

/** What the validators enforce on one property of `target` (a DTO class). */
export function enforcedSchema(target: Function, property: string): EnforcedSchema {
  const schema: SchemaObject = {};
  const items: SchemaObject = {};
  if (transformedBeforeValidation(target, property)) return { schema, items };
  for (const m of validatedProperties(target).get(property) ?? []) {
    const keywords = keywordsOf(m, `${target.name}.${property}`);
    if (keywords) merge(m.each ? items : schema, keywords);
  }
  return { schema: withIntegerFormat(schema), items: withIntegerFormat(items) };
}
