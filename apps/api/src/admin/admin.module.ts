import { Module } from '@nestjs/common';
import { OutboxModule } from '@rilon/core';
import { IdentityModule } from '@rilon/identity';
import { OpsModule } from '../ops/ops.module';
import { AdminQueues } from './admin-queues';
import { DashboardAccess } from './dashboard-access';
import { QueueDashboard } from './queue-dashboard';
import { QueueMetrics } from './queue-metrics';

/** Operations for administrators: the queue dashboard and the queue and outbox metrics. */
@Module({
  imports: [IdentityModule, OpsModule, OutboxModule],
  providers: [AdminQueues, DashboardAccess, QueueDashboard, QueueMetrics],
})
export class AdminModule {}
