import { OutboxRepository } from '@rilon/core';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { RelayQueues } from './relay-queues';

const EVERY_MS = 60 * 1000;
/** A relayed fan-out event still not fanned out after this long is offered to Redis again. */
export const STALE_AFTER_MINUTES = 5;
const BATCH = 500;

/**
 * An outbox row is marked relayed once its job is in Redis; a Redis that restarts without
 * its data would lose that job. Every minute this re-adds the jobs of fan-out events
 * relayed a while ago and still not fanned out, under the same job id: BullMQ ignores the
 * add while it holds the job (waiting, running, retrying or failed), so only lost jobs
 * come back. (E-mail events carry no such marker: their loss needs Redis persistence.)
 */
@Injectable()
export class OutboxReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxReconciler.name);
  private timer?: NodeJS.Timeout;
  private current?: Promise<number>;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: RelayQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile().catch(() => undefined), EVERY_MS);
    this.timer.unref();
  }

  /** Offers the stale events to Redis again; returns how many were offered. */
  reconcile(staleAfterMinutes = STALE_AFTER_MINUTES): Promise<number> {
    this.current ??= this.run(staleAfterMinutes).finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.current?.catch(() => undefined);
  }

  private async run(staleAfterMinutes: number): Promise<number> {
    const stale = await this.outbox.staleFanouts(staleAfterMinutes, BATCH);
    if (stale.length === 0) return 0;
    await this.queues.publish(stale);
    this.logger.log(`offered ${stale.length} relayed, unfinished fan-out events to Redis again`);
    return stale.length;
  }
}
