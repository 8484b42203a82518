import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_EVENTS, NotificationEvent } from '@rilon/notifications';

/** One notification, as the list and the stream show it. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_EVENTS })
  event: NotificationEvent;

  @ApiPropertyOptional({ format: 'uuid' })
  reportId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  enrolmentId?: string;

  @ApiProperty({ description: 'The report title (or team name) as it read when notified' })
  title: string;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] })
  items: NotificationDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}
