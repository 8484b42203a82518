import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DEFAULT_WORKER_OPTIONS, parseEmailJob, QUEUES } from '@rilon/core';
import type { Job } from 'bullmq';
import { EmailRendererRegistry } from './email-renderer.registry';
import { MailTransport } from './mail-transport';

/** What a finished e-mail job keeps (shown on the dashboard): never the address. */
export interface EmailJobResult {
  sent: boolean;
  messageId?: string;
}

/**
 * Sends one e-mail a job, at least once: the renderer registered for the job name
 * builds it, MailTransport sends it with a Message-ID stable per delivery. Failures
 * retry with exponential backoff (EMAIL_JOB_OPTIONS); what finally fails stays in the
 * failed set. Concurrency 4: the work is waiting on SMTP, not CPU.
 */
@Processor(QUEUES.email, { ...DEFAULT_WORKER_OPTIONS, concurrency: 4 })
export class EmailProcessor extends WorkerHost {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    private readonly renderers: EmailRendererRegistry,
    private readonly transport: MailTransport,
  ) {
    super();
  }

  async process(job: Job<unknown, EmailJobResult, string>): Promise<EmailJobResult> {
    const renderer = this.renderers.rendererFor(job.name);
    // Checked before the renderer reads anything: a malformed job fails for good.
    const data = parseEmailJob(job);
    const mail = await renderer.render(data, { id: String(job.id) });
    if (!mail) return { sent: false };
    const messageId = await this.transport.send(mail);
    await renderer.sent?.(data, { id: String(job.id) });
    this.logger.log({ queue: QUEUES.email, jobName: job.name, jobId: job.id }, 'e-mail sent');
    return { sent: true, messageId };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      {
        queue: QUEUES.email,
        jobName: job?.name,
        jobId: job?.id,
        attempt: job?.attemptsMade,
        reason: error.message,
      },
      'e-mail attempt failed',
    );
  }
}
