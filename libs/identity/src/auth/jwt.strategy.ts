import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Actor, APP_CONFIG, AppConfig, isUuid } from '@rilon/core';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { SessionLoader } from './session-loader';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

/** Verifies the access token (algorithm pinned, issuer and audience checked), then the session. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.verifyKey,
      algorithms: [config.jwt.algorithm],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<AccessTokenClaims>): Promise<Actor | false> {
    if (claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.sid)) return false;
    return (await this.sessions.load(claims.sub, claims.sid)) ?? false;
  }
}
