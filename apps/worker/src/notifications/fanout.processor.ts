import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  DEFAULT_WORKER_OPTIONS,
  OutboxEventType,
  OutboxJob,
  OutboxPayloads,
  OutboxRepository,
  parseOutboxJob,
  QUEUES,
  REDIS,
} from '@rilon/core';
import {
  BroadcastEvent,
  NotificationsRepository,
  isBroadcastEvent,
  liveChannel,
  MAIL_BATCH,
  WEBHOOK_JOB,
  webhookDeliveryId,
  WebhookJob,
} from '@rilon/notifications';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { NotificationMailQueue } from './notification-mail.queue';

/**
 * Turns each committed outbox event into notification rows (one INSERT … SELECT),
 * then e-mail jobs (a batch of recipients each) and webhook jobs in bulk and a live push.
 * Safe to run twice: rows are unique per (event, user), the jobs have deterministic ids,
 * and a mailed row is marked. The event is marked fanned out last, after every job is in
 * Redis: a worker that dies before that leaves the job to BullMQ's retry or the reconciler.
 */
@Processor(QUEUES.fanout, { ...DEFAULT_WORKER_OPTIONS, concurrency: 2 })
export class FanoutProcessor extends WorkerHost {
  private readonly logger = new Logger(FanoutProcessor.name);

  constructor(
    private readonly fanout: NotificationsRepository,
    private readonly outbox: OutboxRepository,
    private readonly mail: NotificationMailQueue,
    @InjectQueue(QUEUES.webhook) private readonly webhooks: Queue<WebhookJob>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<unknown>): Promise<{ inserted: number }> {
    // Checked before anything is read or written: a malformed job fails for good.
    const data = parseOutboxJob(job);
    const { outboxId } = data;
    if (data.type === 'report.withdrawn') await this.afterEarlierBroadcasts(data);
    const inserted = await this.insert(data.type, data);
    await this.mail.enqueueBatches(
      outboxId,
      await this.fanout.immediateBatches(outboxId, MAIL_BATCH),
    );
    if (isBroadcastEvent(data.type)) await this.enqueueWebhooks(data as OutboxJob<BroadcastEvent>);
    const recipients = await this.publish(outboxId);
    await this.outbox.markFannedOut(outboxId);
    this.logger.log({ outboxId, event: data.type, inserted, recipients }, 'fan-out');
    return { inserted };
  }

  /**
   * A withdrawal reaches those who were told of the publication or an amendment: if one
   * of those fan-outs has not finished yet (jobs run in parallel, on several workers),
   * this attempt fails and BullMQ retries it with backoff.
   */
  private async afterEarlierBroadcasts(job: OutboxJob): Promise<void> {
    const { reportId } = job.payload as OutboxPayloads['report.withdrawn'];
    if (await this.outbox.earlierBroadcastPending(reportId, job.outboxId)) {
      throw new Error(`report ${reportId}: an earlier publication is not fanned out yet`);
    }
  }

  private insert(type: OutboxEventType, job: OutboxJob): Promise<number> {
    const { outboxId } = job;
    switch (type) {
      case 'report.published':
      case 'report.amended':
      case 'report.withdrawn': {
        const p = job.payload as OutboxPayloads[typeof type];
        return this.fanout.insertBroadcast(outboxId, type, p.reportId, p.actorId);
      }
      case 'report.submitted':
      case 'report.returned': {
        const p = job.payload as OutboxPayloads[typeof type];
        return this.fanout.insertAudience(outboxId, type, p.reportId, null, p.actorId);
      }
      case 'enrolment.requested':
      case 'enrolment.decided': {
        const p = job.payload as OutboxPayloads[typeof type];
        return this.fanout.insertAudience(outboxId, type, p.reportId, p.enrolmentId, p.actorId);
      }
      case 'membership.changed': {
        const p = job.payload as OutboxPayloads[typeof type];
        return this.fanout.insertMembership(outboxId, p.userId, p.teamId, p.role, p.actorId);
      }
      case 'webhook.changed': {
        const p = job.payload as OutboxPayloads[typeof type];
        return this.fanout.insertWebhookChange(outboxId, p.teamId, p.change, p.actorId);
      }
      case 'email.send':
        throw new UnrecoverableError(`${type} belongs on the ${QUEUES.email} queue`);
    }
  }

  private async enqueueWebhooks(job: OutboxJob<BroadcastEvent>): Promise<void> {
    const event = job.type;
    const teams = await this.fanout.webhookTeams(job.payload.reportId);
    if (!teams.length) return;
    await this.webhooks.addBulk(
      teams.map((teamId) => ({
        name: WEBHOOK_JOB,
        data: {
          outboxId: job.outboxId,
          eventKey: job.eventKey,
          teamId,
          reportId: job.payload.reportId,
          event,
          version: job.payload.version,
          occurredAt: job.occurredAt,
        },
        opts: { jobId: webhookDeliveryId(job.eventKey, teamId) },
      })),
    );
  }

  /**
   * Best effort: a stream that misses this catches up on its next pull or reconnect.
   * Answers how many users the event reaches (for the log), null when the push failed.
   */
  private async publish(outboxId: string): Promise<number | null> {
    const channel = liveChannel(this.config.queuePrefix);
    try {
      const push = await this.fanout.livePushOf(outboxId);
      for (const message of push.messages) await this.redis.publish(channel, message);
      return push.recipients;
    } catch (error) {
      this.logger.warn(`live push failed: ${(error as Error).message}`);
      return null;
    }
  }
}
