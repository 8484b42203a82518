import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppConfig, checkRedisCredentials, pingDatabase, REDIS, withDeadline } from '@rilon/core';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { WorkerHealthServer } from './health/health-server';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  app: INestApplicationContext;
  healthPort: number;
  close(): Promise<void>;
}

async function state(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await withDeadline(check(), 1500, 'the dependency check');
    return 'up';
  } catch {
    return 'down';
  }
}

/** Builds and starts the worker as the binary runs it; tests call this with their own config. */
export async function createWorker(
  config: AppConfig,
  healthPort = config.workerHealthPort,
): Promise<RunningWorker> {
  // Refused credentials in REDIS_URL stop the start (a ConfigError); a Redis that is down does not.
  await checkRedisCredentials(config.redisUrl);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const redis = app.get<Redis>(REDIS);
  const health = new WorkerHealthServer(async () => ({
    postgres: await state(() => pingDatabase(dataSource)),
    redis: await state(() => redis.ping()),
  }));
  const port = await health.listen(healthPort, config.host);
  return {
    app,
    healthPort: port,
    close: async () => {
      await health.close();
      await app.close();
    },
  };
}
