import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { SubscriptionsService } from '@rilon/notifications';
import { SubscriptionsDto } from './subscriptions.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  @Authenticated('self')
  @ApiOkResponse({ type: SubscriptionsDto })
  get(@CurrentActor() actor: Actor): Promise<SubscriptionsDto> {
    return this.subscriptions.get(actor);
  }

  @Put()
  @Authenticated('self')
  @ApiOkResponse({ type: SubscriptionsDto })
  set(@CurrentActor() actor: Actor, @Body() dto: SubscriptionsDto): Promise<SubscriptionsDto> {
    return this.subscriptions.set(actor, dto.rules);
  }
}
