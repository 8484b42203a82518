import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { TeamWebhooksService } from '@rilon/notifications';
import { PutTeamWebhookDto } from './put-team-webhook.dto';
import { TeamWebhookDto } from './team-webhook.dto';

const TOLD =
  'The change is told in the app (`webhook.changed`, naming the team, never the URL or the ' +
  'secret) to every lead of the team but the one who made it.';

/**
 * Reading and deleting: administrators and the team's leads; setting: the team's leads only
 * (issue 12). Others 403 (audited), an unknown team 404.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('teams/:id/webhook')
export class TeamWebhooksController {
  constructor(private readonly webhooks: TeamWebhooksService) {}

  @Get()
  @Authenticated('team-webhook')
  @ApiOperation({ summary: "Read the team's webhook (administrators and the team's leads)" })
  @ApiOkResponse({ type: TeamWebhookDto })
  @ApiForbiddenResponse({ description: 'Neither an administrator nor a lead of the team' })
  get(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Team') teamId: string,
  ): Promise<TeamWebhookDto> {
    return this.webhooks.get(actor, teamId);
  }

  @Put()
  @Authenticated('team-lead')
  @ApiOperation({
    summary: "Set or replace the team's webhook (the team's leads only)",
    description:
      'Only a lead of the team sets or changes its webhook; an administrator is refused with ' +
      '403 (audited as `webhook.set.denied`), so nobody outside the team can redirect what is ' +
      `shared with it. ${TOLD}`,
  })
  @ApiOkResponse({ type: TeamWebhookDto })
  @ApiForbiddenResponse({ description: 'Not a lead of the team (administrators included)' })
  set(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Team') teamId: string,
    @Body() dto: PutTeamWebhookDto,
  ): Promise<TeamWebhookDto> {
    return this.webhooks.set(actor, teamId, dto.url, dto.secret);
  }

  @Delete()
  @Authenticated('team-webhook')
  @HttpCode(204)
  @ApiOperation({
    summary: "Delete the team's webhook (administrators and the team's leads)",
    description: TOLD,
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Neither an administrator nor a lead of the team' })
  remove(@CurrentActor() actor: Actor, @IdParam('id', 'Team') teamId: string): Promise<void> {
    return this.webhooks.remove(actor, teamId);
  }
}
