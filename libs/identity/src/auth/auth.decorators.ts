import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, GlobalRole } from '@rilon/core';

export const ACCESS_KEY = 'rilon:access';

/** How a route may be reached; every route must declare one, or the guard denies it. */
export type AccessRule =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: GlobalRole[] };

/** Anyone, without a token (sign-in, refresh, invitation acceptance, health). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in, active user; finer rules (team lead, author) are checked by the service. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);

/** Only holders of one of these global roles. */
export const RequireRoles = (...roles: GlobalRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** The caller loaded by the guard. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  if (!request.user) throw new Error('CurrentActor used on a route without authentication');
  return request.user;
});
