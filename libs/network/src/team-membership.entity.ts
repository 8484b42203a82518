import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TeamRole } from '@rilon/core';

@Entity({ name: 'team_memberships' })
@Index('ix_team_memberships_user', ['userId'])
export class TeamMembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  role: TeamRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
