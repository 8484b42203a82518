import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A team's webhook endpoint and its signing secret, sealed with AES-256-GCM
 * (webhook-secret-box.ts; never answered nor logged).
 */
@Entity({ name: 'team_webhooks' })
export class TeamWebhookEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'varchar', length: 2048 })
  secret: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
