import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** One immutable line of the audit log; a trigger refuses UPDATE, DELETE and TRUNCATE. */
@Entity({ name: 'audit_events' })
// The list's indexes, each ending in its order (occurred_at, seq): migrations/1764300013000.
// The partial ix_audit_events_unsuccessful and ix_audit_events_unsuccessful_time are the
// migration's alone.
@Index('ix_audit_events_time', ['occurredAt', 'seq'])
@Index('ix_audit_events_actor_time', ['actorId', 'occurredAt', 'seq'])
@Index('ix_audit_events_action_time', ['action', 'occurredAt', 'seq'])
@Index('ix_audit_events_target_type_time', ['targetType', 'occurredAt', 'seq'])
@Index('ix_audit_events_target_time', ['targetId', 'occurredAt', 'seq'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 8 })
  outcome: AuditOutcome;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details: Record<string, unknown>;
}
