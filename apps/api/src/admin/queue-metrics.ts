import { Injectable, OnModuleInit } from '@nestjs/common';
import { type OutboxBacklog, OutboxRepository, QueueName, withDeadline } from '@rilon/core';
import { Gauge } from 'prom-client';
import { MetricsService } from '../ops/metrics.service';
import { AdminQueues } from './admin-queues';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** A scrape never waits long on Redis or PostgreSQL: it answers without the gauges instead. */
const SCRAPE_WAIT_MS = 1000;

type Counts = Array<{ name: QueueName; counts: Record<string, number> }>;

/**
 * Queue depths and the outbox backlog as gauges of the API's registry, read at scrape
 * time. While Redis is down the queue gauges are left out (and rilon_queue_redis_up is
 * 0); while PostgreSQL is down the backlog gauges are. The scrape always answers.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  private pendingCounts?: Promise<Counts | null>;

  constructor(
    private readonly metrics: MetricsService,
    private readonly queues: AdminQueues,
    private readonly outbox: OutboxRepository,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const read = (): Promise<Counts | null> => this.queueCounts();
    const backlog = (): Promise<OutboxBacklog | null> =>
      withDeadline(this.outbox.backlog(), SCRAPE_WAIT_MS, 'outbox backlog').catch(() => null);
    new Gauge({
      name: 'rilon_queue_jobs',
      help: 'Jobs per queue and state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        this.reset();
        for (const { name, counts } of (await read()) ?? []) {
          for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'rilon_queue_redis_up',
      help: '1 when the queues in Redis answered this scrape, else 0',
      registers,
      async collect() {
        this.set((await read()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'rilon_outbox_pending_events',
      help: 'Outbox events committed but not yet relayed to the queues',
      registers,
      async collect() {
        this.reset();
        const value = await backlog();
        if (value) this.set(value.pending);
      },
    });
    new Gauge({
      name: 'rilon_outbox_oldest_pending_seconds',
      help: 'Age of the oldest outbox event not yet relayed (0 when none)',
      registers,
      async collect() {
        this.reset();
        const value = await backlog();
        if (value) this.set(value.oldestSeconds);
      },
    });
  }

  /** One read of all queues per scrape, shared by the gauges that need it. */
  private queueCounts(): Promise<Counts | null> {
    this.pendingCounts ??= this.readCounts().finally(() => {
      setImmediate(() => (this.pendingCounts = undefined));
    });
    return this.pendingCounts;
  }

  private async readCounts(): Promise<Counts | null> {
    try {
      return await withDeadline(
        Promise.all(
          this.queues.all.map(async ({ name, queue }) => {
            await queue.waitUntilReady();
            return { name, counts: await queue.getJobCounts(...STATES) };
          }),
        ),
        SCRAPE_WAIT_MS,
        'queue counts',
      );
    } catch {
      return null;
    }
  }
}
