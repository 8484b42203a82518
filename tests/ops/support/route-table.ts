import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccessRule, declaredHandlers } from '@rilon/identity';

/** `METHOD /path`, with Nest's `:name` parameters, e.g. `GET /api/v1/reports/:id`. */
export type RouteKey = string;

/** What the snapshot keeps of one route (or one group of routes outside Nest). */
export interface DeclaredRoute {
  by: string;
  access: AccessRule;
  deniedAs?: string;
  note?: string;
  covers?: string[];
}

/** Parameters are compared by position only: the router merges `:id` and `:teamId` of one node. */
export function normalise(key: string): string {
  return key.replace(/:[^/]+/g, ':');
}

/**
 * Every route Fastify's router holds, read from its printed tree (Fastify keeps no public
 * list). A HEAD route that only mirrors a GET one is left out: it runs the same handler.
 */
export function routerRoutes(app: NestFastifyApplication): string[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const found: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*)$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const [, segment, methods] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(match[2]) ?? [];
    stack.length = depth;
    stack.push(segment ?? '');
    if (!methods) continue;
    for (const method of methods.split(', ')) found.push(normalise(`${method} ${stack.join('')}`));
  }
  const all = new Set(found);
  return [...all]
    .filter((key) => !(key.startsWith('HEAD ') && all.has(`GET ${key.slice(5)}`)))
    .sort();
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;
}

/**
 * Every Nest route handler with its declaration and its path as the router serves it
 * (under the global prefix, or at the root for the few paths excluded from it).
 */
export function nestRoutes(
  app: INestApplication,
  router: string[],
): Array<DeclaredRoute & { route: RouteKey }> {
  const served = new Set(router);
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  return discovery.getControllers().flatMap((wrapper) => {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller) return [];
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    return declaredHandlers(controller).flatMap((handler) =>
      [handler.path].flat().map((path) => {
        const method = RequestMethod[handler.method];
        const bare = `${method} ${joinPath(base, path)}`;
        const prefixed = `${method} ${joinPath('api/v1', base, path)}`;
        const route =
          served.has(normalise(prefixed)) || !served.has(normalise(bare)) ? prefixed : bare;
        return {
          route,
          by: handler.name,
          access: handler.rule ?? ({ kind: 'undeclared' } as unknown as AccessRule),
          ...(handler.deniedAs ? { deniedAs: `${handler.deniedAs.action}.denied` } : {}),
        };
      }),
    );
  });
}

/** A row key covers a router route exactly, or by prefix when it ends in `*` (`ANY` for every method). */
export function covers(row: RouteKey, route: string): boolean {
  const [rowMethod, rowPath] = row.split(' ') as [string, string];
  const [method, path] = route.split(' ') as [string, string];
  if (rowMethod !== 'ANY' && rowMethod !== method) return false;
  return rowPath.endsWith('*')
    ? path.startsWith(rowPath.slice(0, -1))
    : normalise(rowPath) === path;
}

/** Router routes no row covers, and rows that cover no router route. */
export function coverage(
  router: string[],
  rows: RouteKey[],
): { missing: string[]; orphans: string[] } {
  return {
    missing: router.filter((route) => !rows.some((row) => covers(row, route))),
    orphans: rows.filter((row) => !router.some((route) => covers(row, route))),
  };
}

/** Routes in reading order: by path, then method. */
export function byPath([a]: [RouteKey, unknown], [b]: [RouteKey, unknown]): number {
  const [am, ap] = a.split(' ') as [string, string];
  const [bm, bp] = b.split(' ') as [string, string];
  return ap === bp ? am.localeCompare(bm) : ap.localeCompare(bp);
}

/** How a declaration reads in the table: the guard's part, the object rule's name, notes. */
export function describeAccess(route: DeclaredRoute): {
  guard: string;
  object: string;
  notes: string;
} {
  const access = route.access;
  const guard =
    access.kind === 'public'
      ? 'anyone'
      : access.kind === 'authenticated'
        ? 'signed in'
        : access.kind === 'api-key'
          ? "a team's TAXII key"
          : `role ${access.roles.join(' or ')}`;
  const object = access.kind === 'authenticated' && access.check ? `\`${access.check}\`` : '—';
  const notes = [route.deniedAs ? `refusal audited as \`${route.deniedAs}\`` : '', route.note ?? '']
    .filter(Boolean)
    .join('; ');
  return { guard, object, notes: notes || '—' };
}
