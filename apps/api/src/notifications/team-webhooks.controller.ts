import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { TeamWebhooksService } from '@rilon/notifications';
import { PutTeamWebhookDto, TeamWebhookDto } from './team-webhook.dto';

/** Administrators and the team's leads; others 403, an unknown team 404. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Neither an administrator nor a lead of the team' })
@Controller('teams/:id/webhook')
export class TeamWebhooksController {
  constructor(private readonly webhooks: TeamWebhooksService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: TeamWebhookDto })
  get(@CurrentActor() actor: Actor, @Param('id') teamId: string): Promise<TeamWebhookDto> {
    return this.webhooks.get(actor, teamId);
  }

  @Put()
  @Authenticated()
  @ApiOkResponse({ type: TeamWebhookDto })
  set(
    @CurrentActor() actor: Actor,
    @Param('id') teamId: string,
    @Body() dto: PutTeamWebhookDto,
  ): Promise<TeamWebhookDto> {
    return this.webhooks.set(actor, teamId, dto.url, dto.secret);
  }

  @Delete()
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id') teamId: string): Promise<void> {
    return this.webhooks.remove(actor, teamId);
  }
}
