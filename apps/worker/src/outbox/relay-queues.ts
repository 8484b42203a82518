import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  type PendingOutboxEvent,
  APP_CONFIG,
  AppConfig,
  closeProducerQueue,
  type EmailSendJob,
  OutboxJob,
  outboxJobId,
  openProducerQueue,
  QueueName,
  queueForEvent,
  withDeadline,
} from '@rilon/core';
import type { Queue } from 'bullmq';

/** How long the relay waits for Redis before it treats it as down and rolls back. */
const READY_WAIT_MS = 2000;
const ADD_WAIT_MS = 10000;

/**
 * The relay's own producer queues. They fail fast while Redis is down (no in-memory
 * command queue), so a batch rolls back at once and its rows wait in PostgreSQL, instead
 * of holding row locks while commands pile up in memory.
 */
@Injectable()
export class RelayQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Adds one job per event, job id `evt-<event key>`: BullMQ ignores an add whose id
   * it already holds, so publishing the same rows twice adds nothing twice.
   */
  async publish(events: PendingOutboxEvent[]): Promise<void> {
    const byQueue = new Map<QueueName, PendingOutboxEvent[]>();
    for (const event of events) {
      const name = queueForEvent(event.type);
      byQueue.set(name, [...(byQueue.get(name) ?? []), event]);
    }
    for (const [name, batch] of byQueue) {
      const queue = this.queue(name);
      await withDeadline(queue.waitUntilReady(), READY_WAIT_MS, 'connecting to Redis');
      await withDeadline(
        queue.addBulk(
          batch.map((event) => ({
            name: event.type,
            data: jobData(event),
            opts: { jobId: outboxJobId(event.eventKey) },
          })),
        ),
        ADD_WAIT_MS,
        'adding jobs to Redis',
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => closeProducerQueue(queue)));
    this.queues.clear();
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = openProducerQueue(name, this.config.redisUrl, this.config.queuePrefix);
      this.queues.set(name, queue);
    }
    return queue;
  }
}

/**
 * What of an event goes into Redis. An e-mail goes as its outbox id alone: recipient,
 * template and params (an invitation link) stay in PostgreSQL, where the renderer reads
 * them, so Redis and the queue dashboard neither show nor decide them.
 */
function jobData(event: PendingOutboxEvent): OutboxJob | EmailSendJob {
  if (event.type === 'email.send') return { outboxId: event.id };
  return {
    outboxId: event.id,
    eventKey: event.eventKey,
    type: event.type,
    payload: event.payload,
    occurredAt: event.createdAt.toISOString(),
  } as OutboxJob;
}
