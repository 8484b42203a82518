import { Queue } from 'bullmq';
import { bullConnection } from '../redis/redis';
import { withDeadline } from '../util/deadline';
import { jobOptionsFor } from './job-options';
import type { QueueName } from './queues';

/**
 * A queue for producers (the outbox relay, the dashboard, metrics) that fails fast while
 * Redis is down instead of queueing commands in memory: callers roll back and retry
 * later. Connecting is lazy and in the background, so a process starts without Redis.
 */
export function openProducerQueue(name: QueueName, redisUrl: string, prefix: string): Queue {
  const queue = new Queue(name, {
    connection: { ...bullConnection(redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    prefix,
    defaultJobOptions: jobOptionsFor(name),
  });
  // Connection errors are expected while Redis is down; callers see them as rejections.
  queue.on('error', () => undefined);
  return queue;
}

/** Closes a producer queue without hanging or throwing while Redis is down. */
export async function closeProducerQueue(queue: Queue): Promise<void> {
  try {
    await withDeadline(queue.close(), 3000, 'closing the queue');
  } catch {
    void queue.disconnect().catch(() => undefined);
  }
}
