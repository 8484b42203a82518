import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DEFAULT_WORKER_OPTIONS, QUEUES } from '@rilon/core';
import {
  parseWebhookJob,
  postWebhook,
  signWebhook,
  TeamDeliverySlots,
  WEBHOOK_JOB,
  webhookDeliveryId,
  WebhookDeliveryRepository,
  WebhookSecretUnreadable,
  WebhookTargetRefused,
} from '@rilon/notifications';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';

/** A job that finds its team's slots taken waits this long (plus jitter) and asks again. */
const SLOT_WAIT_MS = 1000;

/**
 * One signed POST to one team's webhook, within the delivery deadline
 * (WEBHOOK_TIMEOUT_SECONDS) and while holding one of the team's delivery slots
 * (WEBHOOK_CONCURRENCY_PER_TEAM, all workers together). A job that finds the team's slots
 * taken goes back to the delayed set without using an attempt and tries again shortly:
 * it is the same job, so nothing is lost or sent twice, and the worker slot is free for
 * other teams meanwhile. Retried with exponential backoff on any failure (a deadline
 * too) but a refused target; the delivery id is the same on every attempt, so the
 * receiver can drop duplicates. The URL, the secret and the answer body are never logged.
 */
@Processor(QUEUES.webhook, { ...DEFAULT_WORKER_OPTIONS, concurrency: 8 })
export class WebhookProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookProcessor.name);

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly slots: TeamDeliverySlots,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<unknown>, token?: string): Promise<{ status: number | 'skipped' }> {
    if (job.name !== WEBHOOK_JOB) throw new UnrecoverableError(`unknown job ${job.name}`);
    // Checked before anything is read or sent: a malformed job fails for good.
    const data = parseWebhookJob(job);
    const delivery = await this.deliveries.load(data.teamId, data.reportId).catch((error) => {
      // A key id this worker was not given: say so (retries cannot help until it is).
      if (error instanceof WebhookSecretUnreadable) {
        this.logger.error({ teamId: data.teamId }, error.message);
      }
      throw error;
    });
    // The webhook was removed, or the team may no longer read the report: nothing to say.
    if (!delivery) return { status: 'skipped' };
    const body = JSON.stringify({
      event: data.event,
      occurredAt: data.occurredAt,
      report: { ...delivery.report, version: data.version },
    });
    const deliveryId = webhookDeliveryId(data.eventKey, data.teamId);
    const slot = job.id ?? deliveryId;
    if (!(await this.slots.acquire(data.teamId, slot))) {
      if (!token) throw new Error('no lock token to wait for a delivery slot with');
      await job.moveToDelayed(
        Date.now() + SLOT_WAIT_MS + Math.floor(Math.random() * SLOT_WAIT_MS),
        token,
      );
      // Tells BullMQ the job was moved on purpose: not a failure, no attempt used.
      throw new DelayedError();
    }
    let status: number;
    try {
      status = await postWebhook({
        url: delivery.url,
        body,
        allowPrivate: this.config.webhookAllowPrivate,
        deadlineMs: this.config.webhookDeadlineMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'rilon-webhooks/1',
          'x-rilon-delivery': deliveryId,
          'x-rilon-signature': signWebhook(delivery.secret, body, Math.floor(Date.now() / 1000)),
        },
      });
    } catch (error) {
      if (error instanceof WebhookTargetRefused) {
        this.logger.warn({ deliveryId, teamId: data.teamId }, 'webhook target refused');
        throw new UnrecoverableError(`target refused: ${error.message}`);
      }
      throw error;
    } finally {
      await this.slots.release(data.teamId, slot);
    }
    if (status < 200 || status >= 300) {
      throw new Error(`webhook answered ${status}`);
    }
    return { status };
  }
}
