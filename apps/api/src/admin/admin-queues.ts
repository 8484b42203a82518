import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  closeProducerQueue,
  openProducerQueue,
  QueueName,
  QUEUES,
} from '@rilon/core';
import type { Queue } from 'bullmq';

/**
 * Every queue of the portal, as the API reads it for the dashboard and the metrics:
 * the same connection settings and prefix as the worker, but failing fast while Redis
 * is down, so that the API starts, serves and shuts down without Redis (the API never
 * waits on a queue). @nestjs/bullmq's queues would hold commands in memory instead, and
 * their shutdown hook throws while Redis is away.
 */
@Injectable()
export class AdminQueues implements OnApplicationShutdown {
  readonly all: ReadonlyArray<{ name: QueueName; queue: Queue }>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.all = Object.values(QUEUES).map((name) => ({
      name,
      queue: openProducerQueue(name, config.redisUrl, config.queuePrefix),
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all.map(({ queue }) => closeProducerQueue(queue)));
  }
}
