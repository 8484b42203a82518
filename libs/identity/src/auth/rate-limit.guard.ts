import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, ProblemException, REDIS } from '@rilon/core';
import type { Redis } from 'ioredis';
import type { ApiKey } from './auth.decorators';

/**
 * The rate-limit headers of draft-ietf-httpapi-ratelimit-headers (the RateLimit-Limit,
 * -Remaining and -Reset form that gateways read), sent on every answer the guard counts,
 * so a client can slow down before it meets the 429. The OpenAPI document declares them
 * from these names.
 */
export const RATE_LIMIT_HEADERS = {
  limit: 'RateLimit-Limit',
  remaining: 'RateLimit-Remaining',
  reset: 'RateLimit-Reset',
} as const;

/**
 * RATE_LIMIT_PER_MINUTE per signed-in user (and per TAXII key), all routes together, counted in Redis in
 * fixed one-minute windows so every instance shares the count. While Redis is down the
 * limit is not enforced (sign-in throttling still is, per instance), and no headers go out.
 */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.config.rateLimitPerMinute;
    const http = context.switchToHttp();
    const request = http.getRequest<{ user?: Actor; apiKey?: ApiKey }>();
    // A user, or a team's TAXII key (counted apart from every user).
    const subject = request.user?.userId ?? (request.apiKey && `key:${request.apiKey.keyId}`);
    if (limit === 0 || !subject) return true;
    const now = Date.now();
    const window = Math.floor(now / 60000);
    const key = `rate:${subject}:${window}`;
    let count: number;
    try {
      const results = await this.redis.multi().incr(key).expire(key, 61).exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch {
      return true;
    }
    const reset = Math.max(1, 60 - Math.floor((now % 60000) / 1000));
    const reply = http.getResponse<{ header(name: string, value: string): unknown }>();
    reply.header(RATE_LIMIT_HEADERS.limit, String(limit));
    reply.header(RATE_LIMIT_HEADERS.remaining, String(Math.max(0, limit - count)));
    reply.header(RATE_LIMIT_HEADERS.reset, String(reset));
    if (count > limit) throw ProblemException.tooManyRequests(reset);
    return true;
  }
}
