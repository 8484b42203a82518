import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TeamRole } from '@rilon/core';

/** A single-use invitation; only the SHA-256 of its token is stored. */
@Entity({ name: 'invitations' })
@Index('ux_invitations_token_hash', ['tokenHash'], { unique: true })
export class InvitationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  memberCode: string;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role: TeamRole | null;

  /** Set when the invitation belongs to an account created by POST /users without a password. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
