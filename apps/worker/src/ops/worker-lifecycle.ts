import { WorkerHost } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { withDeadline } from '@rilon/core';
import { Queue, Worker } from 'bullmq';

/** How long a graceful close may wait for active jobs (an SMTP send times out in 30 s). */
const GRACE_MS = 35_000;

/**
 * Starts and stops every BullMQ worker of the process. Processors declared with
 * `autorun: false` (DEFAULT_WORKER_OPTIONS) start only once the whole application is
 * up. On shutdown (SIGTERM) the workers close before anything else does: each stops
 * taking jobs and waits for its active ones while PostgreSQL and Redis are still open,
 * so no job is cut off. While Redis is unreachable a graceful close never ends (BullMQ
 * waits for the connection) and a job could not record its end anyway, so the worker
 * is closed at once; its jobs' locks expire and BullMQ's stalled-job check gives them
 * to another worker (stalledInterval 30 s, see DEFAULT_WORKER_OPTIONS).
 */
@Injectable()
export class WorkerLifecycle
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(WorkerLifecycle.name);

  constructor(private readonly discovery: DiscoveryService) {}

  /** Queues registered with BullModule have no error listener: without one, BullMQ prints to stderr. */
  onModuleInit(): void {
    for (const queue of this.instances().filter((i): i is Queue => i instanceof Queue)) {
      this.reportErrors(queue);
    }
  }

  onApplicationBootstrap(): void {
    for (const worker of this.workers()) {
      this.reportErrors(worker);
      if (worker.isRunning()) continue;
      worker.run().catch((error: Error) => {
        this.logger.error(`worker of queue ${worker.name} stopped: ${error.message}`);
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers().map((worker) => this.close(worker)));
  }

  private async close(worker: Worker): Promise<void> {
    if (await this.connected(worker)) {
      try {
        await withDeadline(worker.close(), GRACE_MS, `closing the ${worker.name} worker`);
        return;
      } catch (error) {
        this.logger.warn(`${(error as Error).message}; closing it without waiting`);
      }
    } else {
      this.logger.warn(`Redis is unreachable: closing the ${worker.name} worker without waiting`);
    }
    await withDeadline(worker.close(true), 5_000, 'forced close').catch(() => undefined);
  }

  private async connected(worker: Worker): Promise<boolean> {
    try {
      const client = await withDeadline(worker.getBackend().client, 500, 'Redis client');
      return client.status === 'ready';
    } catch {
      return false;
    }
  }

  /** Connection errors repeat every few seconds while Redis is down: log one a minute. */
  private reportErrors(emitter: Worker | Queue): void {
    let lastLogged = 0;
    const what = emitter instanceof Worker ? 'worker' : 'queue';
    (emitter as { on(event: 'error', listener: (error: Error) => void): unknown }).on(
      'error',
      (error: Error) => {
        if (Date.now() - lastLogged < 60_000) return;
        lastLogged = Date.now();
        this.logger.warn(`${what} ${emitter.name}: ${error.message}`);
      },
    );
  }

  private workers(): Worker[] {
    return this.instances()
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
  }

  private instances(): unknown[] {
    return this.discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
  }
}
