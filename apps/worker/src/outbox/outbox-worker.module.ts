import { Module } from '@nestjs/common';
import { OutboxPruner } from './outbox-pruner.service';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';
import { RelayQueues } from './relay-queues';

/** Worker side of the outbox area: the relay from PostgreSQL to BullMQ, and pruning. */
@Module({
  providers: [OutboxRepository, RelayQueues, OutboxRelay, OutboxPruner],
  exports: [OutboxRelay, OutboxPruner],
})
export class OutboxWorkerModule {}
