import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '@rilon/core';
import {
  DIGEST_JOB,
  digestSchedulerId,
  DigestRunJob,
  NotificationMailRepository,
} from '@rilon/notifications';
import { Queue } from 'bullmq';

/** 07:00 every day, in the scheduler's own time zone. */
export const DIGEST_CRON = '0 7 * * *';

/**
 * One BullMQ job scheduler per time zone in use (each capital's zone, and UTC), kept in
 * sync at worker start and after each Redis reconnect: zones no capital uses any more
 * lose their scheduler. Upserting is idempotent, so several workers agree.
 */
@Injectable()
export class DigestSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestSchedulerService.name);

  constructor(
    private readonly mails: NotificationMailRepository,
    @InjectQueue(QUEUES.digest) private readonly digest: Queue<DigestRunJob>,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: a worker starts even while Redis is down.
    this.syncInBackground();
    // A Redis that restarts without its data has lost the schedulers (and with them every
    // digest): sync again on each reconnect. Cheap and idempotent when nothing was lost.
    this.digest.backend.on('ready', () => this.syncInBackground());
  }

  private syncInBackground(): void {
    this.sync().catch((error: Error) =>
      this.logger.warn(`digest schedulers not synced: ${error.message}`),
    );
  }

  async sync(): Promise<string[]> {
    const zones = await this.mails.digestZones();
    const wanted = new Map(zones.map((zone) => [digestSchedulerId(zone), zone]));
    for (const [id, zone] of wanted) {
      await this.digest.upsertJobScheduler(
        id,
        { pattern: DIGEST_CRON, tz: zone },
        { name: DIGEST_JOB, data: { zone } },
      );
    }
    const existing = await this.digest.getJobSchedulers(0, -1);
    for (const scheduler of existing) {
      const key = scheduler.key ?? scheduler.id;
      if (key && key.startsWith('digest-') && !wanted.has(key)) {
        await this.digest.removeJobScheduler(key);
      }
    }
    return [...wanted.keys()];
  }
}
