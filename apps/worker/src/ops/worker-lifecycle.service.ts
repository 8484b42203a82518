import { WorkerHost } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';

/**
 * Starts and stops every BullMQ worker of the process. Processors declared with
 * `autorun: false` (DEFAULT_WORKER_OPTIONS) start only once the whole application is
 * up. On shutdown (SIGTERM) the workers close before anything else does: each stops
 * taking jobs and waits for its active ones to finish while PostgreSQL and Redis are
 * still open, so no job is cut off; a job cut off by a crash is taken up again by
 * BullMQ's stalled-job check.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);

  constructor(private readonly discovery: DiscoveryService) {}

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
    await Promise.all(this.workers().map((worker) => worker.close()));
  }

  /** Connection errors repeat every few seconds while Redis is down: log one a minute. */
  private reportErrors(worker: Worker): void {
    let lastLogged = 0;
    worker.on('error', (error: Error) => {
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      this.logger.warn(`worker of queue ${worker.name}: ${error.message}`);
    });
  }

  private workers(): Worker[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
  }
}
