import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Refusals } from '@rilon/audit';
import { Actor, isDatabaseUnavailable, isUuid, ProblemException } from '@rilon/core';
import { apiKeyCredentials } from './api-key-credentials';
import { ApiKeys } from './api-keys';
import { ACCESS_KEY, AccessRule, ApiKey, DENIED_AS_KEY, DeniedAsRule } from './auth.decorators';

interface GuardedRequest {
  user: Actor;
  apiKey?: ApiKey;
  headers: Record<string, string | string[] | undefined>;
  method: string;
  routeOptions?: { url?: string };
  params?: Record<string, unknown>;
  body?: unknown;
}

/** A body field is read before validation: only a short plain code is kept as the target. */
const PLAIN_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/** The refused target's id, as @DeniedAs says where it is; null when absent or odd. */
function deniedTarget(request: GuardedRequest, from: DeniedAsRule['targetFrom']): string | null {
  if (!from) return null;
  const [source, key] = from.split(':') as ['param' | 'body', string];
  if (source === 'param') {
    const value = request.params?.[key];
    return typeof value === 'string' && isUuid(value) ? value : null;
  }
  const body = request.body;
  const value =
    body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && PLAIN_CODE.test(value) ? value : null;
}

/**
 * The one global guard. Deny by default: a route that declares no access rule is
 * refused (and AccessDeclarations stops such an app from starting). Token and session
 * are checked by the passport-jwt strategy; global roles (admin, auditor) here, before
 * any pipe or service runs; the per-object rules each route names (team roles, report
 * visibility) in the services, which load the object.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly refusals: Refusals,
    private readonly apiKeys: ApiKeys,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `route ${context.getClass().name}.${context.getHandler().name} declares no access rule`,
      );
      throw ProblemException.forbidden('This route is not open to anyone');
    }
    if (rule.kind === 'public') return true;
    if (rule.kind === 'api-key') return this.checkApiKey(context);
    await (super.canActivate(context) as Promise<boolean>);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (
      rule.kind === 'roles' &&
      !(request.user.globalRole && rule.roles.includes(request.user.globalRole))
    ) {
      const deniedAs = this.reflector.getAllAndOverride<DeniedAsRule | undefined>(DENIED_AS_KEY, [
        context.getHandler(),
        context.getClass(),
      ]);
      throw await this.refusals.refuse(
        {
          actorId: request.user.userId,
          action: deniedAs ? `${deniedAs.action}.denied` : 'access.denied',
          ...(deniedAs
            ? {
                targetType: deniedAs.targetType,
                targetId: deniedTarget(request, deniedAs.targetFrom),
              }
            : {}),
          outcome: 'denied',
          details: {
            method: request.method,
            route: request.routeOptions?.url ?? null,
            required: rule.roles,
          },
        },
        ProblemException.forbidden(`This needs the ${rule.roles.join(' or ')} role`),
      );
    }
    return true;
  }

  /** A key route takes a key and nothing else: a user's token, or a wrong secret, is 401. */
  private async checkApiKey(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const credentials = apiKeyCredentials(request.headers.authorization);
    let key: ApiKey | null;
    try {
      key = credentials
        ? await this.apiKeys.authenticate(credentials.keyId, credentials.secret)
        : null;
    } catch (error) {
      if (isDatabaseUnavailable(error))
        throw ProblemException.unavailable('The database is unavailable; try again shortly');
      throw error;
    }
    if (!key) throw ProblemException.unauthorized('A valid TAXII key is required');
    request.apiKey = key;
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) {
      if (isDatabaseUnavailable(err))
        throw ProblemException.unavailable('The database is unavailable; try again shortly');
      if (err instanceof ProblemException) throw err;
    }
    if (!user) throw ProblemException.unauthorized('A valid access token is required');
    return user;
  }
}
