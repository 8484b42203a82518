import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * The transactional outbox: a row written in the same transaction as the change it
 * announces, moved into BullMQ by the worker's relay once committed.
 */
@Entity({ name: 'outbox_events' })
@Index('ix_outbox_events_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** Globally unique: job ids and delivery ids derive from it (migration 1764300004000). */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  eventKey: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When the fan-out of this event finished (fan-out events only). */
  @Column({ type: 'timestamptz', nullable: true })
  fannedOutAt: Date | null;

  /** When the mail of an `email.send` event was sent; its secret params are erased then. */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
