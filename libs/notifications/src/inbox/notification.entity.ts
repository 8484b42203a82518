import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { EmailMode, NotificationEvent } from '../notification-events';

/** One notification of one user; the fan-out writes these in bulk with raw SQL. */
@Entity({ name: 'notifications' })
@Unique('ux_notifications_event_user', ['outboxEventId', 'userId'])
@Index('ix_notifications_user_created', { synchronize: false })
@Index('ix_notifications_report_told', { synchronize: false })
@Index('ix_notifications_daily_pending', { synchronize: false })
@Index('ix_notifications_digest', { synchronize: false })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'bigint' })
  outboxEventId: string;

  @Column({ type: 'varchar', length: 32 })
  event: NotificationEvent;

  @Column({ type: 'uuid', nullable: true })
  reportId: string | null;

  @Column({ type: 'uuid', nullable: true })
  enrolmentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ type: 'varchar', length: 16, default: 'off' })
  email: EmailMode;

  /** When a daily row was claimed by a digest (immediate mails rely on their job id). */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  digestZone: string | null;

  @Column({ type: 'date', nullable: true })
  digestDay: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
