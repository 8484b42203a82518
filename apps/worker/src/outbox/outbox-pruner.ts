import { OutboxRepository } from '@rilon/core';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';

const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** The first pass runs soon after start, so frequent restarts do not postpone pruning. */
const FIRST_PRUNE_MS = 60 * 1000;
const SLICE = 5000;

/**
 * Deletes relayed outbox rows after the retention period, hourly and in slices so that
 * no transaction grows large. Rows that were never relayed are never pruned.
 */
@Injectable()
export class OutboxPruner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxPruner.name);
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;
  private current?: Promise<number>;

  constructor(private readonly outbox: OutboxRepository) {}

  onApplicationBootstrap(): void {
    const run = (): void => void this.prune().catch(() => undefined);
    this.first = setTimeout(run, FIRST_PRUNE_MS).unref();
    this.timer = setInterval(run, PRUNE_EVERY_MS).unref();
  }

  /** Prunes everything due now; returns how many rows went. */
  async prune(): Promise<number> {
    this.current ??= this.pruneAll().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.first);
    clearInterval(this.timer);
    await this.current?.catch(() => undefined);
  }

  private async pruneAll(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const removed = await this.outbox.pruneSlice(SLICE);
        total += removed;
        if (removed < SLICE) break;
      }
    } catch (error) {
      this.logger.warn(`outbox pruning failed, will retry: ${(error as Error).message}`);
      throw error;
    }
    if (total > 0) this.logger.log(`pruned ${total} relayed outbox events`);
    return total;
  }
}
