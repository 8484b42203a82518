import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { DeniableAction } from '@rilon/audit';
import type { Actor, GlobalRole } from '@rilon/core';

export const ACCESS_KEY = 'rilon:access';
export const DENIED_AS_KEY = 'rilon:access-denied-as';

/**
 * The rules a service applies to the object itself, once the guard has let a signed-in
 * caller through: they depend on the row (a report's team, TLP and distribution, who leads
 * a team), which the guard does not load. A route names its rule in its declaration, so the
 * declarations alone read as the authorisation matrix (docs/authorization.md is made from
 * them); the wording here is what that table shows.
 */
export const OBJECT_RULES = {
  self: "the caller's own session, profile, password, inbox and subscriptions; another user's notification is 404",
  'own-account':
    'administrators read any account, everyone else only their own (403, audited as user.read.denied)',
  'team-member':
    'administrators and the members of the team (403 otherwise, audited); an unknown team 404',
  'team-membership':
    "administrators for any role; the team's leads for officers and observers who are not its leads; nobody their own membership (403, audited)",
  'team-webhook':
    "administrators and the team's leads (403 otherwise, audited); an unknown team 404",
  'team-leads-and-admins':
    "administrators and the team's leads (403 otherwise, audited); an unknown team 404",
  'team-lead':
    "the team's leads only, administrators refused too (403, audited); an unknown team 404",
  'report-author': 'officers and leads of the team named in teamId (403 otherwise, audited)',
  'report-reader':
    'the visibility rule (TLP, distribution, status): a list or a sum leaves out what the caller may not read, a single report they may not read is 404 like a missing one, and a version shows only under its own TLP and distribution',
  'report-exporter':
    'the visibility rule, as report-reader (404 for a report the caller may not read); a readable RED report 403 (audited), an unpublished one 409; in bulk CLEAR, GREEN and AMBER only',
  'report-lifecycle':
    'readable first (404 otherwise), then the lifecycle table: author or authoring-team lead by action (403, audited), in the right state (409)',
  'offer-enrolment':
    'officers and leads (of any team) who may read the published training offer; observers, administrators and auditors 403; an offer the caller may not read 404',
  'offer-reader':
    'whoever may read the training offer (404 otherwise): leads of the offering team see every request, others their own',
  'offering-team-lead': 'leads of the offering team; the requester 403 (audited), anyone else 404',
} as const satisfies Record<string, string>;

export type ObjectRule = keyof typeof OBJECT_RULES;

/** How a route may be reached; every route must declare one, or the app does not start. */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated'; check?: ObjectRule }
  | { kind: 'roles'; roles: GlobalRole[] }
  | { kind: 'api-key' };

/** Anyone, without a token (sign-in, refresh, invitation acceptance, health). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/**
 * Any signed-in, active user. `check` names the finer rule the service applies to the
 * object (see OBJECT_RULES); without it, every signed-in user gets the same answer.
 */
export const Authenticated = (check?: ObjectRule): MethodDecorator & ClassDecorator =>
  SetMetadata(
    ACCESS_KEY,
    (check ? { kind: 'authenticated', check } : { kind: 'authenticated' }) satisfies AccessRule,
  );

/**
 * A team's TAXII key, not a user's token (docs/stix.md, "TAXII"): HTTP Basic with the key id
 * and secret, or `Bearer <id>.<secret>`. The guard checks it through the API_KEY_VERIFIER the
 * app registers ({@link ApiKeys}) and puts the key on the request ({@link CurrentApiKey}); a user's access token
 * is no key (401).
 */
export const ApiKeyAccess = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'api-key' } satisfies AccessRule);

/** Only holders of one of these global roles; the guard refuses everyone else (403, audited). */
export const RequireRoles = (...roles: GlobalRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/**
 * How the guard records a refusal of @RequireRoles: `<action>.denied` on `targetType`,
 * with the target's id taken from a route parameter (`param:id`) or a body field
 * (`body:code`) when it has a plain shape. Without it the refusal is `access.denied`.
 */
export interface DeniedAsRule {
  action: DeniableAction;
  targetType: string;
  targetFrom?: `param:${string}` | `body:${string}`;
}

export const DeniedAs = (
  action: DeniableAction,
  targetType: string,
  targetFrom?: DeniedAsRule['targetFrom'],
): MethodDecorator & ClassDecorator =>
  SetMetadata(DENIED_AS_KEY, { action, targetType, targetFrom } satisfies DeniedAsRule);

/** The key that called an @ApiKeyAccess route, as the guard verified it. */
export interface ApiKey {
  keyId: string;
  teamId: string;
}

/** Checks a key id and secret; null when they do not name an unrevoked key of an active team. */
export interface ApiKeyVerifier {
  authenticate(keyId: string, secret: string): Promise<ApiKey | null>;
}

/** The key loaded by the guard on an @ApiKeyAccess route. */
export const CurrentApiKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ApiKey => {
    const request = ctx.switchToHttp().getRequest<{ apiKey?: ApiKey }>();
    if (!request.apiKey) throw new Error('CurrentApiKey used on a route without @ApiKeyAccess');
    return request.apiKey;
  },
);

/** The caller loaded by the guard. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  if (!request.user) throw new Error('CurrentActor used on a route without authentication');
  return request.user;
});
