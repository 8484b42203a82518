/** Every queue of the portal, in one place. */
export const QUEUES = {
  /** Committed outbox events that need recipients computed. */
  fanout: 'fanout',
  /** One e-mail a job. */
  email: 'email',
  /** One webhook delivery a job. */
  webhook: 'webhook',
  /** Daily digests, one job per time zone and day. */
  digest: 'digest',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
