import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  DEFAULT_WORKER_OPTIONS,
  EMAIL_JOB_OPTIONS,
  EmailJobName,
  EmailJobs,
  parseEmailJob,
  QUEUES,
} from '@rilon/core';
import { Queue, UnrecoverableError, type Job } from 'bullmq';
import {
  EmailBatchMember,
  EmailBatchRenderer,
  EmailRenderer,
  isBatchRenderer,
} from './email-renderer';
import { EmailRendererRegistry } from './email-renderer.registry';
import { MailTransport } from './mail-transport';

/** What a finished e-mail job keeps (shown on the dashboard): never the address. */
export interface EmailJobResult {
  sent: boolean;
  messageId?: string;
  /** A batch: how many of its members were sent, and how many became jobs of their own. */
  mailed?: number;
  requeued?: number;
}

/**
 * Sends one e-mail a job, at least once: the renderer registered for the job name
 * builds it, MailTransport sends it with a Message-ID stable per delivery. Failures
 * retry with exponential backoff (EMAIL_JOB_OPTIONS); what finally fails stays in the
 * failed set. A batch job sends its members one after another, each as its own job would
 * be (EmailBatchRenderer). Concurrency 4: the work is waiting on SMTP, not CPU.
 */
@Processor(QUEUES.email, { ...DEFAULT_WORKER_OPTIONS, concurrency: 4 })
export class EmailProcessor extends WorkerHost {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    private readonly renderers: EmailRendererRegistry,
    private readonly transport: MailTransport,
    @InjectQueue(QUEUES.email) private readonly email: Queue,
  ) {
    super();
  }

  async process(job: Job<unknown, EmailJobResult, string>): Promise<EmailJobResult> {
    const handler = this.renderers.rendererFor(job.name);
    // Checked before the renderer reads anything: a malformed job fails for good.
    const data = parseEmailJob(job);
    if (isBatchRenderer(handler)) return this.sendBatch(handler, data, String(job.id));
    return this.sendOne(handler, job.name, data, String(job.id));
  }

  private async sendOne(
    renderer: EmailRenderer,
    jobName: string,
    data: EmailJobs[EmailJobName],
    id: string,
  ): Promise<EmailJobResult> {
    const mail = await renderer.render(data, { id });
    if (!mail) return { sent: false };
    const messageId = await this.transport.send(mail);
    await renderer.sent?.(data, { id });
    this.logger.log({ queue: QUEUES.email, jobName, jobId: id }, 'e-mail sent');
    return { sent: true, messageId };
  }

  /**
   * Each member is marked sent before the next goes, so a batch run again (its worker died)
   * resends at most the one in flight. A member that fails for itself (refused address,
   * unreadable data) becomes its own job and the batch goes on; any other failure hands
   * the member and all after it over as their own jobs, which back off on their own, instead
   * of waiting out the mail server's timeout once per member here.
   */
  private async sendBatch(
    batch: EmailBatchRenderer,
    data: EmailJobs[EmailJobName],
    id: string,
  ): Promise<EmailJobResult> {
    const members = await batch.members(data, { id });
    const requeue: EmailBatchMember[] = [];
    let mailed = 0;
    for (let i = 0; i < members.length; i++) {
      const member = members[i];
      try {
        const renderer = this.renderers.rendererFor(member.name);
        if (isBatchRenderer(renderer)) {
          throw new UnrecoverableError(`a batch member cannot be a batch (${member.name})`);
        }
        const memberData = parseEmailJob({ name: member.name, id: member.id, data: member.data });
        if ((await this.sendOne(renderer, member.name, memberData, member.id)).sent) mailed += 1;
      } catch (error) {
        this.logger.warn(
          { queue: QUEUES.email, jobName: member.name, jobId: member.id, batchId: id },
          `e-mail in a batch failed, queued on its own: ${(error as Error).message}`,
        );
        if (error instanceof UnrecoverableError) {
          requeue.push(member);
        } else {
          requeue.push(...members.slice(i));
          break;
        }
      }
    }
    if (requeue.length > 0) {
      // Should this throw (Redis away), the batch retries: sent members are skipped then.
      await this.email.addBulk(
        requeue.map((m) => ({
          name: m.name,
          data: m.data,
          opts: { ...EMAIL_JOB_OPTIONS, jobId: m.id },
        })),
      );
    }
    return { sent: mailed > 0, mailed, requeued: requeue.length };
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
