import { Module } from '@nestjs/common';
import { OutboxPruner } from './outbox-pruner.service';
import { OutboxReconciler } from './outbox-reconciler.service';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';
import { RelayQueues } from './relay-queues';

/** Worker side of the outbox area: the relay from PostgreSQL to BullMQ, re-offering lost fan-outs, pruning. */
@Module({
  providers: [OutboxRepository, RelayQueues, OutboxRelay, OutboxPruner, OutboxReconciler],
  exports: [OutboxRelay, OutboxPruner, OutboxReconciler],
})
export class OutboxWorkerModule {}
