import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DEFAULT_WORKER_OPTIONS, EMAIL_JOB_OPTIONS, QUEUES } from '@rilon/core';
import {
  DIGEST_JOB,
  DIGEST_MAIL_JOB,
  digestMailJobId,
  localDay,
  NotificationMailRepository,
  NotificationsRepository,
  parseDigestRunJob,
} from '@rilon/notifications';
import { Job, Queue, UnrecoverableError } from 'bullmq';

const BULK = 1000;

/**
 * Fired at 07:00 in one time zone: claims the unsent daily notifications of the users
 * whose digest falls in that zone, then queues one digest mail per user (job id per
 * user and local day, so a retried run adds nothing twice).
 */
@Processor(QUEUES.digest, { ...DEFAULT_WORKER_OPTIONS, concurrency: 1 })
export class DigestProcessor extends WorkerHost {
  private readonly logger = new Logger(DigestProcessor.name);

  constructor(
    private readonly mails: NotificationMailRepository,
    private readonly notifications: NotificationsRepository,
    @InjectQueue(QUEUES.email) private readonly email: Queue,
  ) {
    super();
  }

  async process(job: Job<unknown>): Promise<{ users: number }> {
    if (job.name !== DIGEST_JOB) throw new UnrecoverableError(`unknown job ${job.name}`);
    // Checked before anything is claimed: a malformed job fails for good.
    const { zone } = parseDigestRunJob(job);
    // The day the scheduler meant, not the day a late retry runs on.
    const day = localDay(new Date(job.timestamp), zone);
    const users = await this.notifications.claimDigests(zone, day);
    for (let i = 0; i < users.length; i += BULK) {
      await this.email.addBulk(
        users.slice(i, i + BULK).map((userId) => ({
          name: DIGEST_MAIL_JOB,
          data: { userId, day },
          opts: { ...EMAIL_JOB_OPTIONS, jobId: digestMailJobId(userId, day) },
        })),
      );
    }
    this.logger.log({ zone, day, users: users.length }, 'digest run');
    return { users: users.length };
  }
}
