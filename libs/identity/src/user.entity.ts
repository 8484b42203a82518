import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { GlobalRole } from '@rilon/core';

export const USER_STATUSES = ['active', 'suspended'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

@Entity({ name: 'users' })
@Index('ux_users_email_lower', { synchronize: false })
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Stored as given; uniqueness is case-insensitive (unique index on lower(email)). */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  memberCode: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  globalRole: GlobalRole | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: UserStatus;

  /** argon2id PHC string; null until an invited user sets a password. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
