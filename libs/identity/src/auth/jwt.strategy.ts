import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Actor, APP_CONFIG, AppConfig, isUuid } from '@rilon/core';
import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
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
      // jsonwebtoken takes a KeyObject; passport-jwt's types only name string and Buffer.
      secretOrKey: verificationKey(config) as unknown as Buffer,
      algorithms: [config.jwt.algorithm],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<AccessTokenClaims> & { exp?: number }): Promise<Actor | false> {
    if (claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.sid)) return false;
    const actor = await this.sessions.load(claims.sub, claims.sid);
    if (!actor) return false;
    // jsonwebtoken has checked `exp` (ignoreExpiration is off); it bounds live streams.
    return typeof claims.exp === 'number' ? { ...actor, accessExpiresAt: claims.exp } : actor;
  }
}

/**
 * A KeyObject made once: given a string, jsonwebtoken re-parses it on every verification
 * (first trying it as a PEM public key, which throws), a measurable share of each request.
 */
function verificationKey(config: AppConfig): KeyObject {
  return config.jwt.algorithm === 'HS256'
    ? createSecretKey(Buffer.from(config.jwt.verifyKey, 'utf8'))
    : createPublicKey(config.jwt.verifyKey);
}
