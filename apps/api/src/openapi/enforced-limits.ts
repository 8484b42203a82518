import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { MAX_HEADER_BYTES, MAX_URL_BYTES } from '../http/edge-errors';
import { MAX_PARAM_LENGTH } from '../http/request-limits';
import { MALFORMED_ID_DESCRIPTION, UuidParamPipe } from '../http/uuid-param.pipe';
import type { RouteHandler } from './route-handlers';
import { enforcedSchema, type EnforcedSchema, validatedProperties } from './validator-schema';

type Schema = SchemaObject | ReferenceObject;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Every operation of the document by its operation id. */
export function operationsById(document: OpenAPIObject): Map<string, OperationObject> {
  const byId = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths))
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.operationId) byId.set(operation.operationId, operation);
    }
  return byId;
}

function isReference(schema: Schema | undefined): schema is ReferenceObject {
  return schema !== undefined && '$ref' in schema;
}

function sameEnum(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/**
 * Writes what the validators enforce into one schema. A value the decorators already state
 * must agree with the validator (the validator is what runs): a disagreement is collected in
 * `faults` and fails the build, so a number copied into @ApiProperty cannot drift.
 */
function applyKeywords(
  target: SchemaObject,
  keywords: SchemaObject,
  where: string,
  faults: string[],
): void {
  for (const [key, value] of Object.entries(keywords) as [keyof SchemaObject, unknown][]) {
    const stated = target[key] as unknown;
    if (stated === undefined) {
      (target as Record<string, unknown>)[key] = value;
    } else if (key === 'enum') {
      if (!sameEnum(stated as unknown[], value as unknown[]))
        faults.push(
          `${where}: enum ${JSON.stringify(stated)} vs validator ${JSON.stringify(value)}`,
        );
    } else if (key === 'type' && stated === 'number' && value === 'integer') {
      target.type = 'integer';
    } else if (stated !== value) {
      faults.push(
        `${where}: ${key} ${JSON.stringify(stated)} vs validator ${JSON.stringify(value)}`,
      );
    }
  }
}

/** A schema that is a $ref takes further keywords beside it through allOf (OpenAPI 3.0). */
function applyTo(schema: Schema, keywords: SchemaObject, where: string, faults: string[]): Schema {
  const { type, ...rest } = keywords;
  if (isReference(schema)) {
    if (type !== undefined && type !== 'object')
      faults.push(`${where}: a $ref where the validator expects ${String(type)}`);
    return Object.keys(rest).length === 0 ? schema : { allOf: [schema], ...rest };
  }
  applyKeywords(schema, keywords, where, faults);
  return schema;
}

function applyEnforced(
  schema: Schema,
  enforced: EnforcedSchema,
  where: string,
  faults: string[],
): Schema {
  const result = applyTo(schema, enforced.schema, where, faults);
  if (Object.keys(enforced.items).length > 0) {
    if (isReference(result) || result.type !== 'array' || !result.items) {
      faults.push(`${where}: { each: true } validators on a value that is not an array`);
    } else {
      result.items = applyTo(result.items, enforced.items, `${where}[]`, faults);
    }
  }
  return result;
}

/** The DTO classes the validators know, by class name (the name Swagger gives their schema). */
function validatedClasses(routes: RouteHandler[]): Map<string, Function> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: unknown };
  if (!(storage.validationMetadatas instanceof Map))
    throw new Error(
      'class-validator no longer keeps validationMetadatas in a Map; update enforced-limits.ts',
    );
  const candidates = new Set<Function>(storage.validationMetadatas.keys() as Iterable<Function>);
  // A class that only inherits its validators (PartialType and the like) has none of its own.
  for (const route of routes)
    for (const arg of route.args)
      if (
        typeof arg.type === 'function' &&
        (arg.from === RouteParamtypes.BODY || arg.from === RouteParamtypes.QUERY)
      )
        candidates.add(arg.type);
  const byName = new Map<string, Function>();
  const duplicates = new Set<string>();
  for (const cls of candidates) {
    if (byName.has(cls.name) && byName.get(cls.name) !== cls) duplicates.add(cls.name);
    byName.set(cls.name, cls);
  }
  for (const name of duplicates) byName.delete(name);
  return byName;
}

function componentLimits(
  document: OpenAPIObject,
  classes: Map<string, Function>,
  faults: string[],
): void {
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const cls = classes.get(name);
    if (!cls || isReference(schema)) continue;
    const validated = validatedProperties(cls);
    for (const property of validated.keys()) {
      const declared = schema.properties?.[property];
      if (!declared) {
        faults.push(
          `${name}.${property} is validated but missing from the document (@ApiProperty)`,
        );
        continue;
      }
      schema.properties![property] = applyEnforced(
        declared,
        enforcedSchema(cls, property),
        `${name}.${property}`,
        faults,
      );
    }
  }
}

function schemaOf(parameter: ParameterObject): SchemaObject {
  const schema = (parameter.schema ?? { type: 'string' }) as SchemaObject;
  parameter.schema = schema;
  return schema;
}

/**
 * Query, path and header parameters: a query DTO's validators; for a path parameter the
 * router's limit on its length and the pipes of @Param; for a header the limit Node sets on
 * all headers together. A header given twice (by @Headers and @ApiHeader, spelt in two cases)
 * is kept once, with its description.
 */
function parameterLimits(
  operation: OperationObject,
  route: RouteHandler,
  classes: Map<string, Function>,
  faults: string[],
): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const headers = new Map<string, ParameterObject>();
  operation.parameters = parameters.filter((p) => {
    if (p.in !== 'header') return true;
    const name = p.name.toLowerCase();
    const seen = headers.get(name);
    if (!seen) {
      headers.set(name, p);
      return true;
    }
    // The one with a description (from @ApiHeader) wins; required only if both say so.
    const [plain, described] = seen.description ? [p, seen] : [seen, p];
    Object.assign(seen, { ...plain, ...described, required: Boolean(seen.required && p.required) });
    return false;
  });
  for (const p of operation.parameters as ParameterObject[]) {
    const where = `${route.operationId} ${p.in} ${p.name}`;
    if (p.in === 'header' || p.in === 'cookie') {
      // Node refuses a request whose headers (cookies among them) exceed MAX_HEADER_BYTES.
      const schema = schemaOf(p);
      if (schema.type === 'string' && schema.maxLength === undefined && !schema.enum)
        schema.maxLength = MAX_HEADER_BYTES;
      continue;
    }
    const args = route.args.filter(
      (a) =>
        a.from === (p.in === 'query' ? RouteParamtypes.QUERY : RouteParamtypes.PARAM) &&
        (a.key === undefined || a.key === p.name),
    );
    let checkedId = false;
    for (const arg of args) {
      if (arg.key === undefined && typeof arg.type === 'function') {
        const dto = classes.get(arg.type.name) ?? arg.type;
        p.schema = applyEnforced(schemaOf(p), enforcedSchema(dto, p.name), where, faults);
      }
      if (arg.pipes.some((pipe) => pipe instanceof UuidParamPipe)) {
        applyKeywords(schemaOf(p), { format: 'uuid', minLength: 36, maxLength: 36 }, where, faults);
        p.description ??= MALFORMED_ID_DESCRIPTION;
        checkedId = true;
      }
    }
    // Every id in a path goes through UuidParamPipe (IdParam), so that a malformed id is
    // answered alike (404) on every route.
    if (p.in === 'path' && /(^id|Id)$/.test(p.name) && !checkedId)
      faults.push(`${where}: an id in the path without IdParam (UuidParamPipe)`);
    const schema = schemaOf(p);
    // Fastify's router refuses a longer path parameter (414) before any handler runs; a
    // query value is part of a request target of at most MAX_URL_BYTES (414 beyond).
    if (schema.type === 'string' && schema.maxLength === undefined && !schema.enum)
      schema.maxLength = p.in === 'path' ? MAX_PARAM_LENGTH : MAX_URL_BYTES;
  }
}

/**
 * Makes the document state what the server enforces, from the validators that enforce it:
 * class-validator's decorators on the body and query DTOs, the pipes on path parameters,
 * the router's and Node's limits. Throws when a stated value disagrees with a validator.
 */
export function declareEnforcedLimits(document: OpenAPIObject, routes: RouteHandler[]): void {
  const faults: string[] = [];
  const classes = validatedClasses(routes);
  componentLimits(document, classes, faults);
  const operations = operationsById(document);
  for (const route of routes) {
    const operation = operations.get(route.operationId);
    if (operation) parameterLimits(operation, route, classes, faults);
  }
  if (faults.length > 0)
    throw new Error(`The OpenAPI document disagrees with the validators: ${faults.join('; ')}`);
}
