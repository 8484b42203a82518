import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuditService } from '@rilon/audit';
import { Actor, isDatabaseUnavailable, ProblemException } from '@rilon/core';
import { ACCESS_KEY, AccessRule } from './auth.decorators';

/**
 * The one global guard. Deny by default: a route that declares no access rule is
 * refused. Token and session are checked by the passport-jwt strategy; role rules here;
 * finer rules (team lead, author) in the services.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
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
    await (super.canActivate(context) as Promise<boolean>);
    const request = context
      .switchToHttp()
      .getRequest<{ user: Actor; method: string; routeOptions?: { url?: string } }>();
    if (
      rule.kind === 'roles' &&
      !(request.user.globalRole && rule.roles.includes(request.user.globalRole))
    ) {
      await this.audit.recordAlone({
        actorId: request.user.userId,
        action: 'access.denied',
        outcome: 'denied',
        details: {
          method: request.method,
          route: request.routeOptions?.url ?? null,
          required: rule.roles,
        },
      });
      throw ProblemException.forbidden(`This needs the ${rule.roles.join(' or ')} role`);
    }
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
