import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DEFAULT_WORKER_OPTIONS, QUEUES } from '@rilon/core';
import {
  postWebhook,
  signWebhook,
  WEBHOOK_JOB,
  webhookDeliveryId,
  WebhookDeliveryRepository,
  WebhookJob,
  WebhookTargetRefused,
} from '@rilon/notifications';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * One signed POST to one team's webhook. Retried with exponential backoff on any
 * failure but a refused target; the delivery id is the same on every attempt, so the
 * receiver can drop duplicates. The URL, the secret and the answer body are never logged.
 */
@Processor(QUEUES.webhook, { ...DEFAULT_WORKER_OPTIONS, concurrency: 8 })
export class WebhookProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookProcessor.name);

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<WebhookJob>): Promise<{ status: number | 'skipped' }> {
    if (job.name !== WEBHOOK_JOB) throw new UnrecoverableError(`unknown job ${job.name}`);
    const data = job.data;
    const delivery = await this.deliveries.load(data.teamId, data.reportId);
    // The webhook was removed, or the team may no longer read the report: nothing to say.
    if (!delivery) return { status: 'skipped' };
    const body = JSON.stringify({
      event: data.event,
      occurredAt: data.occurredAt,
      report: { ...delivery.report, version: data.version },
    });
    const deliveryId = webhookDeliveryId(data.eventKey, data.teamId);
    let status: number;
    try {
      status = await postWebhook({
        url: delivery.url,
        body,
        allowPrivate: this.config.webhookAllowPrivate,
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
    }
    if (status < 200 || status >= 300) {
      throw new Error(`webhook answered ${status}`);
    }
    return { status };
  }
}
