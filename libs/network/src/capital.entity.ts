import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'capitals' })
export class CapitalEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** ISO 3166-1 alpha-3. */
  @Column({ type: 'char', length: 3 })
  countryCode: string;

  /** IANA time zone, e.g. Asia/Bangkok; daily digests go out at 07:00 there. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
