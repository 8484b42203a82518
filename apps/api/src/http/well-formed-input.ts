// String.prototype.isWellFormed and toWellFormed are ES2024 (Node 24 has them; the lib is ES2023).
/// <reference lib="es2024.string" />
import { FieldError, ProblemException } from '@rilon/core';
import type { FastifyRequest } from 'fastify';

/** As many fields as a validation problem lists. */
const MAX_FIELDS = 50;
const STRING_MESSAGE = 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)';
const QUERY_MESSAGE =
  'must be well-formed Unicode: its percent-escapes are not UTF-8 (a lone surrogate, a cut or overlong sequence)';

const NUL_MESSAGE = 'must not hold the character U+0000 (NUL), which no text of the API can store';

/** Marks a key that is itself refused: the walk reports its path without descending. */
const REFUSED_KEY = Symbol('refused key');

/** A key as a path names it: well-formed (lone surrogates as U+FFFD) and without NUL. */
function pathSegment(key: string): string {
  return key.toWellFormed().replaceAll('\u0000', '\ufffd');
}

/**
 * The paths (`email`, `body.route.transit.1`) of the strings and object keys in a parsed
 * JSON value that `refused` picks, in document order, at most `max`. The walk keeps its
 * own stack, so no nesting depth can overflow the call stack. A path is itself made
 * well-formed and NUL-free, so that the answer naming it is valid text for every client.
 */
function refusedStringPaths(
  value: unknown,
  refused: (text: string) => boolean,
  max: number,
): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0 && found.length < max) {
    const [node, path] = stack.pop()!;
    if (node === REFUSED_KEY) {
      found.push(path);
    } else if (typeof node === 'string') {
      if (refused(node)) found.push(path || '(body)');
    } else if (node !== null && typeof node === 'object') {
      const entries: Array<[string, unknown]> = Array.isArray(node)
        ? node.map((item, i) => [String(i), item])
        : Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const childPath = path ? `${path}.${pathSegment(key)}` : pathSegment(key);
        stack.push([refused(key) ? REFUSED_KEY : child, childPath]);
      }
    }
  }
  return found;
}

/** The paths of the strings and keys that are not well-formed Unicode (a lone surrogate). */
export function illFormedPaths(value: unknown, max = MAX_FIELDS): string[] {
  return refusedStringPaths(value, (text) => !text.isWellFormed(), max);
}

/**
 * The paths of the strings and keys that hold U+0000. PostgreSQL stores it neither in
 * text nor in jsonb (22021, 22P05), so a NUL in any multi-line field (a summary, an
 * indicator) or a query value was a 500 when it reached the database.
 */
export function nulPaths(value: unknown, max = MAX_FIELDS): string[] {
  return refusedStringPaths(value, (text) => text.includes('\u0000'), max);
}

/**
 * How deeply a JSON body may nest. The deepest body the API takes (a report's) is 4
 * levels; class-transformer and class-validator recurse once per level, and a body of
 * 100,000 levels (200 KB, under the body limit) overflowed their stack: a 500.
 */
export const MAX_JSON_DEPTH = 32;
const DEPTH_MESSAGE = `is nested deeper than ${MAX_JSON_DEPTH} levels`;
/** How much of a path a problem names (a path over 32 levels of long keys is long). */
const MAX_PATH = 200;

/**
 * The path of the first array or object nested deeper than `max` levels in a parsed JSON
 * value (the body itself is level 1), or undefined. Walked depth first with its own stack
 * and stopped at the first such node, so a deep body is never walked past the limit.
 */
export function pathDeeperThan(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  const stack: Array<[unknown, string, number]> = [[value, '', 1]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) {
      const named = path || '(body)';
      return named.length > MAX_PATH ? `${named.slice(0, MAX_PATH)}…` : named;
    }
    const entries: Array<[string, unknown]> = Array.isArray(node)
      ? node.map((item, i) => [String(i), item])
      : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push([child, path ? `${path}.${key.toWellFormed()}` : key.toWellFormed(), depth + 1]);
    }
  }
  return undefined;
}

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** True when every run of percent-escapes decodes as UTF-8 (stray `%` signs are left alone). */
function escapesAreUtf8(raw: string): boolean {
  for (const [run] of raw.matchAll(ESCAPE_RUN)) {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16));
    try {
      UTF8.decode(bytes);
    } catch {
      return false;
    }
  }
  return true;
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * The names of the query parameters whose name or value is percent-encoded bytes that
 * are not UTF-8. A lone surrogate cannot be UTF-8, so a client that sends one sends
 * such bytes (`%ED%A0%80`); Fastify's query parser would keep them undecoded, and the
 * route would see `%ED%A0%80` as if it had been meant.
 */
export function illFormedQueryParams(rawQuery: string, max = MAX_FIELDS): string[] {
  const found: string[] = [];
  for (const pair of rawQuery.split('&')) {
    if (found.length >= max) break;
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    if (!escapesAreUtf8(pair)) found.push(decodedName(name));
  }
  return found;
}

/**
 * A Fastify `preValidation` hook for every route: the parsed JSON body must nest at most
 * MAX_JSON_DEPTH levels, and it and the query string must be well-formed Unicode without
 * NUL, or the request is a 400 problem naming each field, before any guard, pipe or
 * validator runs (class-validator's `isEmail` throws on a lone surrogate, class-transformer overflows its
 * stack on deep nesting) and before anything is written. One check at the edge instead of
 * one per DTO.
 */
export function requireWellFormedInput(request: FastifyRequest): Promise<void> {
  const deep = pathDeeperThan(request.body);
  if (deep !== undefined)
    return Promise.reject(
      ProblemException.badRequest(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`, [
        { field: deep, message: DEPTH_MESSAGE },
      ]),
    );
  const at = request.url.indexOf('?');
  const query = at < 0 ? [] : illFormedQueryParams(request.url.slice(at + 1));
  const decoded = query.length === 0 ? request.query : undefined;
  const errors: FieldError[] = [
    ...query.map((field) => ({ field, message: QUERY_MESSAGE })),
    ...illFormedPaths(decoded).map((field) => ({ field, message: STRING_MESSAGE })),
    ...nulPaths(decoded).map((field) => ({ field, message: NUL_MESSAGE })),
    ...illFormedPaths(request.body).map((field) => ({ field, message: STRING_MESSAGE })),
    ...nulPaths(request.body).map((field) => ({ field, message: NUL_MESSAGE })),
  ].slice(0, MAX_FIELDS);
  if (errors.length === 0) return Promise.resolve();
  return Promise.reject(
    ProblemException.badRequest(
      `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
      errors,
    ),
  );
}
