import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SubscriptionRule } from './subscription-rule';

/** A user's subscription rules; no row means the default (everything, in the app only). */
@Entity({ name: 'notification_subscriptions' })
export class NotificationSubscriptionEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'jsonb' })
  rules: SubscriptionRule[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
