import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { InboxService } from '@rilon/notifications';
import { NotificationPageDto } from './notification-page.dto';
import { UnreadCountDto } from './unread-count.dto';
import { NotificationsQueryDto } from './notifications-query.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Authenticated('self')
  @ApiOkResponse({ type: NotificationPageDto, description: 'Newest first' })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationsQueryDto,
  ): Promise<NotificationPageDto> {
    return this.inbox.list(actor, {
      unread: query.unread === 'true',
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  @Get('unread-count')
  @Authenticated('self')
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return this.inbox.unreadCount(actor);
  }

  @Post('read-all')
  @Authenticated('self')
  @HttpCode(204)
  @ApiNoContentResponse()
  readAll(@CurrentActor() actor: Actor): Promise<void> {
    return this.inbox.markAllRead(actor);
  }

  @Post(':id/read')
  @Authenticated('self')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not one of your notifications' })
  read(@CurrentActor() actor: Actor, @IdParam('id', 'Notification') id: string): Promise<void> {
    return this.inbox.markRead(actor, id);
  }
}
