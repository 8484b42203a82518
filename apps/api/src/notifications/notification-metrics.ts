import { Injectable, OnModuleInit } from '@nestjs/common';
import { withDeadline } from '@rilon/core';
import { LiveHub } from '@rilon/notifications';
import { Gauge } from 'prom-client';
import { MetricsService } from '../ops/metrics.service';
import { NotificationStatsRepository } from './notification-stats.repository';

/** A scrape never waits long on PostgreSQL: it answers without the gauge instead. */
const SCRAPE_WAIT_MS = 1000;

/**
 * Notification gauges of the API's registry, read at scrape time: the fan-out rate
 * (rows created in the last minute, by every worker) and the live streams open on
 * this instance. The worker has no /metrics; it logs its count per event instead.
 */
@Injectable()
export class NotificationMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly stats: NotificationStatsRepository,
    private readonly hub: LiveHub,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const stats = this.stats;
    const hub = this.hub;
    new Gauge({
      name: 'rilon_notifications_created_last_minute',
      help: 'Notifications (inbox rows) created in the last 60 seconds, all workers together',
      registers,
      async collect() {
        this.reset();
        const n = await withDeadline(
          stats.createdInLast(60),
          SCRAPE_WAIT_MS,
          'notifications',
        ).catch(() => null);
        if (n !== null) this.set(n);
      },
    });
    new Gauge({
      name: 'rilon_notifications_live_streams',
      help: 'Notification streams (SSE) open on this API instance',
      registers,
      collect() {
        this.set(hub.openStreams);
      },
    });
  }
}
