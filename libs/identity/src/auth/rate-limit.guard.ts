import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, ProblemException, REDIS } from '@rilon/core';
import type { Redis } from 'ioredis';

/**
 * RATE_LIMIT_PER_MINUTE per signed-in user, all routes together, counted in Redis in
 * fixed one-minute windows so every instance shares the count. While Redis is down the
 * limit is not enforced (sign-in throttling still is, per instance).
 */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.config.rateLimitPerMinute;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (limit === 0 || !actor) return true;
    const now = Date.now();
    const window = Math.floor(now / 60000);
    const key = `rate:${actor.userId}:${window}`;
    let count: number;
    try {
      const results = await this.redis.multi().incr(key).expire(key, 61).exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch {
      return true;
    }
    if (count > limit)
      throw ProblemException.tooManyRequests(Math.max(1, 60 - Math.floor((now % 60000) / 1000)));
    return true;
  }
}
