import { Module } from '@nestjs/common';
import { OutboxModule } from '@rilon/core';
import { OutboxPruner } from './outbox-pruner';
import { OutboxReconciler } from './outbox-reconciler';
import { OutboxRelay } from './outbox-relay';
import { RelayQueues } from './relay-queues';

/** Worker side of the outbox area: the relay from PostgreSQL to BullMQ, re-offering lost fan-outs, pruning. */
@Module({
  imports: [OutboxModule],
  providers: [RelayQueues, OutboxRelay, OutboxPruner, OutboxReconciler],
  exports: [OutboxRelay, OutboxPruner, OutboxReconciler],
})
export class OutboxWorkerModule {}
