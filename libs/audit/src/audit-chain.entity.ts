import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The hash chain over audit_events, appended by the worker's sealer in seq order.
 * `kind` is `event` for a sealed row and `gap` for a sequence number whose
 * transaction rolled back (no row will ever carry it).
 */
@Entity({ name: 'audit_chain' })
export class AuditChainEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'event' | 'gap';

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sealedAt: Date;
}
