import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, OutboxRepository } from '@rilon/core';
import { OutboxListener } from './outbox-listener';
import { relayBackoffMs } from './relay-backoff';
import { RelayQueues } from './relay-queues';

/** Rows claimed per transaction. */
export const RELAY_BATCH = 500;
/** The fallback poll, for notifications missed while the listener reconnects. */
const POLL_MS = 1500;

/**
 * Moves committed outbox rows into BullMQ. Wakes on NOTIFY (and on a short poll), then
 * relays batch after batch until the backlog is empty. While Redis or PostgreSQL is
 * down a batch rolls back and the rows wait; the relay backs off (capped at 30 s) and
 * logs once per outage. Several workers can run it side by side (SKIP LOCKED).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly listener: OutboxListener;
  private poll?: NodeJS.Timeout;
  private wakeRequested = false;
  private running?: Promise<void>;
  private stopping = false;
  private failures = 0;
  private pause?: { timer: NodeJS.Timeout; resolve: () => void };

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly queues: RelayQueues,
  ) {
    this.listener = new OutboxListener(config.databaseUrl, () => this.wake());
  }

  /** True while the last attempt failed and the rows are waiting (for tests and health). */
  get paused(): boolean {
    return this.failures > 0;
  }

  onApplicationBootstrap(): void {
    this.listener.start();
    this.poll = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /** Asks for a drain; coalesces with one already running. */
  wake(): void {
    if (this.stopping) return;
    this.wakeRequested = true;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Stops listening and polling, and lets the batch in flight commit or roll back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.poll);
    if (this.pause) {
      clearTimeout(this.pause.timer);
      this.pause.resolve();
    }
    await this.listener.stop();
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.wakeRequested && !this.stopping) {
      this.wakeRequested = false;
      let claimed: string[] = [];
      try {
        let moved: number;
        do {
          moved = await this.outbox.relayBatch(RELAY_BATCH, async (events) => {
            claimed = events.map((e) => e.id);
            await this.queues.publish(events);
          });
          claimed = [];
        } while (moved === RELAY_BATCH && !this.stopping);
        if (this.failures > 0) {
          this.logger.log(`outbox relay resumed after ${this.failures} failed attempts`);
          this.failures = 0;
        }
      } catch (error) {
        await this.failed(error, claimed);
      }
    }
  }

  private async failed(error: unknown, claimed: string[]): Promise<void> {
    if (this.failures === 0) {
      this.logger.warn(
        `outbox relay paused, events wait in PostgreSQL: ${(error as Error)?.message ?? error}`,
      );
    }
    this.failures += 1;
    if (claimed.length > 0) await this.outbox.countFailedAttempt(claimed).catch(() => undefined);
    await new Promise<void>((resolve) => {
      this.pause = { timer: setTimeout(resolve, relayBackoffMs(this.failures)), resolve };
    });
    this.pause = undefined;
    this.wakeRequested = true;
  }
}
