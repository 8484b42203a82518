import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { pingDatabase, ProblemException, REDIS, withDeadline } from '@rilon/core';
import { Public } from '@rilon/identity';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

type DependencyState = 'up' | 'down';

async function probe(check: () => Promise<unknown>, timeoutMs = 1500): Promise<DependencyState> {
  try {
    await withDeadline(check(), timeoutMs, 'the dependency check');
    return 'up';
  } catch {
    return 'down';
  }
}

/** Liveness and readiness; ready means PostgreSQL answers (Redis is reported, not required). */
@ApiExcludeController()
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  async ready(): Promise<{ status: string; postgres: DependencyState; redis: DependencyState }> {
    const [postgres, redis] = await Promise.all([
      probe(() => pingDatabase(this.dataSource)),
      probe(() => this.redis.ping()),
    ]);
    if (postgres === 'down') {
      throw new ProblemException({
        status: 503,
        type: 'unavailable',
        title: 'Service unavailable',
        detail: 'PostgreSQL does not answer',
        extensions: { postgres, redis },
      });
    }
    return { status: 'ok', postgres, redis };
  }
}
