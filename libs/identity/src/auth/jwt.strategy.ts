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
      // A token naming another key (`kid`) is refused before its signature is looked at;
      // one without a kid is checked against the one key (tokens signed before kids were).
      secretOrKeyProvider: keyProvider(config),
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

type KeyDone = (error: Error | null, key?: string | Buffer) => void;

function keyProvider(config: AppConfig) {
  const key = verificationKey(config);
  return (_request: unknown, rawToken: string, done: KeyDone): void => {
    const kid = headerKid(rawToken);
    if (kid !== undefined && kid !== config.jwt.keyId) {
      done(new Error('the token names an unknown key'));
      return;
    }
    // jsonwebtoken takes a KeyObject; passport-jwt's types only name string and Buffer.
    done(null, key as unknown as Buffer);
  };
}

/** The header's `kid`, if the header is readable JSON; the signature check refuses the rest. */
function headerKid(rawToken: string): unknown {
  try {
    const header: unknown = JSON.parse(
      Buffer.from(rawToken.split('.')[0] ?? '', 'base64url').toString('utf8'),
    );
    return header !== null && typeof header === 'object' && 'kid' in header
      ? header.kid
      : undefined;
  } catch {
    return undefined;
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
