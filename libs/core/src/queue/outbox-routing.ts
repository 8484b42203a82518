import type { OutboxEventType } from '../outbox/outbox';
import { QUEUES, type QueueName } from './queues';

/** Which queue each outbox event type goes to. */
export function queueForEvent(type: OutboxEventType): QueueName {
  return type === 'email.send' ? QUEUES.email : QUEUES.fanout;
}

/** BullMQ job ids may not be integers nor contain ':'. */
export function outboxJobId(eventKey: string): string {
  return `evt-${eventKey}`;
}
