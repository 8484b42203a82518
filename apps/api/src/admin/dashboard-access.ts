import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Refusals } from '@rilon/audit';
import { Actor, APP_CONFIG, AppConfig, isAdmin, isUuid, ProblemException } from '@rilon/core';
import { AccessTokenClaims, SessionLoader } from '@rilon/identity';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/i;

/**
 * The access rule of the queue dashboard, which is mounted on Fastify outside Nest's
 * guards: the same checks as the JWT strategy (algorithm pinned, issuer, audience,
 * access-token type, then the session from PostgreSQL), then the admin role, then
 * read-only: GET and HEAD only.
 */
@Injectable()
export class DashboardAccess {
  private readonly jwt = new JwtService();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionLoader,
    private readonly refusals: Refusals,
  ) {}

  /** Null when the caller may see the dashboard; otherwise the problem to answer (401, 403, 405). */
  async refusal(
    authorization: string | undefined,
    request: { method: string; path: string },
  ): Promise<ProblemException | null> {
    const actor = await this.caller(authorization);
    if (!actor) return ProblemException.unauthorized('A valid access token is required');
    if (isAdmin(actor)) {
      if (request.method === 'GET' || request.method === 'HEAD') return null;
      // Read-only: a job added, edited or retried here would bypass PostgreSQL, where
      // every change is decided and audited. Refused, and the attempt is kept.
      return this.refusals.refuse(
        {
          actorId: actor.userId,
          action: 'queues.manage.denied',
          targetType: 'queue-dashboard',
          outcome: 'denied',
          details: { method: request.method, path: request.path },
        },
        new ProblemException({
          status: 405,
          type: 'method-not-allowed',
          title: 'Method not allowed',
          detail: 'The queue dashboard is read-only',
          headers: { allow: 'GET, HEAD' },
        }),
      );
    }
    return this.refusals.refuse(
      {
        actorId: actor.userId,
        action: 'queues.view.denied',
        targetType: 'queue-dashboard',
        outcome: 'denied',
        details: { method: request.method, path: request.path },
      },
      ProblemException.forbidden('The queue dashboard is for administrators'),
    );
  }

  private async caller(authorization: string | undefined): Promise<Actor | null> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) return null;
    const { algorithm, verifyKey, issuer, audience } = this.config.jwt;
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: [algorithm],
        issuer,
        audience,
        ...(algorithm === 'HS256' ? { secret: verifyKey } : { publicKey: verifyKey }),
      });
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.sid)) return null;
    return this.sessions.load(claims.sub, claims.sid);
  }
}
