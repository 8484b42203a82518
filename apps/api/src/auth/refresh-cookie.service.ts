import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ProblemException } from '@rilon/core';
import { AuthService, TokenPair } from '@rilon/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortalOrigin } from './portal-origin';
import {
  clearedRefreshCookie,
  cookieIsSecure,
  REFRESH_COOKIE,
  refreshCookie,
  refreshTokenFromCookies,
} from './refresh-cookie';

export type AccessTokenBody = Omit<TokenPair, 'refreshToken'>;

/**
 * The browser form of the refresh token: kept in an httpOnly cookie the portal's scripts
 * cannot read. The cookie goes along with every request to /api/v1/auth, from any site
 * that makes the browser post there, so a cookie refresh must also show the portal's own
 * Origin; the JSON form (`{refreshToken}`) needs no such check, nothing sends it by itself.
 */
@Injectable()
export class RefreshCookieService {
  private readonly secure: boolean;
  private readonly maxAgeSeconds: number;

  constructor(
    private readonly auth: AuthService,
    private readonly origin: PortalOrigin,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = cookieIsSecure(config.publicUrl);
    // The session's own expiry (fixed at sign-in) stays the authority; a cookie that
    // outlives it is refused like any other dead token, and then cleared.
    this.maxAgeSeconds = config.jwt.refreshTtlSeconds;
  }

  /** Moves the pair's refresh token into the cookie; the body keeps the access token only. */
  hand(reply: FastifyReply, pair: TokenPair): AccessTokenBody {
    const { refreshToken, ...body } = pair;
    reply.header('set-cookie', refreshCookie(refreshToken, this.secure, this.maxAgeSeconds));
    return body;
  }

  clear(reply: FastifyReply): void {
    reply.header('set-cookie', clearedRefreshCookie(this.secure));
  }

  /** Spends the cookie's refresh token and sets the next one. */
  async refresh(request: FastifyRequest, reply: FastifyReply): Promise<AccessTokenBody> {
    const token = refreshTokenFromCookies(request.headers.cookie);
    if (!token) {
      throw ProblemException.unauthorized(
        `No refresh token: send {"refreshToken": ...} or the ${REFRESH_COOKIE} cookie`,
      );
    }
    const origin = request.headers.origin;
    if (!this.origin.allows(origin)) {
      // Checked before the token is tried: a cross-site post neither rotates nor spends it.
      throw await this.auth.refuseRefresh(
        token,
        { reason: 'origin', origin: typeof origin === 'string' ? origin.slice(0, 200) : null },
        ProblemException.forbidden(
          "A cookie refresh must come from the portal's own origin (Origin header)",
        ),
      );
    }
    try {
      return this.hand(reply, await this.auth.refresh(token));
    } catch (error) {
      // Spent, expired or its session ended: the cookie cannot work again, so drop it.
      if (error instanceof ProblemException && error.problem.status === 401) this.clear(reply);
      throw error;
    }
  }
}
