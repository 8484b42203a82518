import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@rilon/core';
import { createHash, randomBytes } from 'node:crypto';
import type { AccessTokenClaims } from './jwt.strategy';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Signs access tokens and makes refresh secrets; keeps no state. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A refresh token is `<session id>.<secret>`; the database keeps sha256(secret). */
  newRefreshSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  pair(userId: string, sessionId: string, refreshSecret: string): TokenPair {
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId, typ: 'access' };
    const accessToken = this.jwt.sign(claims, {
      algorithm: this.config.jwt.algorithm,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      expiresIn: this.config.jwt.accessTtlSeconds,
      keyid: this.config.jwt.keyId,
    });
    return {
      accessToken,
      refreshToken: `${sessionId}.${refreshSecret}`,
      tokenType: 'Bearer',
      expiresIn: this.config.jwt.accessTtlSeconds,
    };
  }
}
