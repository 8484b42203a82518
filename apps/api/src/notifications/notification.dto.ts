import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_EVENTS, NotificationEvent } from '@rilon/notifications';

/** One notification, as the list and the stream show it. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: NOTIFICATION_EVENTS,
    description:
      "`membership.changed` reaches the member and the team's leads; `webhook.changed` " +
      "(a team's webhook set, replaced or deleted) reaches the team's leads",
  })
  event: NotificationEvent;

  @ApiPropertyOptional({ format: 'uuid' })
  reportId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  enrolmentId?: string;

  @ApiProperty({
    description:
      'The report title as it read when notified; for membership and webhook changes the ' +
      'team name and what changed (never a webhook URL or secret)',
  })
  title: string;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}
