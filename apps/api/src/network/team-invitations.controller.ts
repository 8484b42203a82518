import { Controller, Get } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { InvitationsService } from '@rilon/network';
import { PendingInvitationListDto } from './dto/pending-invitation-list.dto';

@ApiTags('network')
@ApiBearerAuth()
@Controller('teams/:teamId/invitations')
export class TeamInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Authenticated('team-leads-and-admins')
  @ApiOperation({
    summary: "The team's pending invitations",
    description:
      'Invitations into the team whose link has not been used and has not expired, newest first (at most 200), ' +
      "for administrators and the team's leads; anyone else 403 (audited as invitation.list.denied). The token " +
      'is never shown: only its hash is stored.',
  })
  @ApiOkResponse({ type: PendingInvitationListDto })
  async list(
    @CurrentActor() actor: Actor,
    @IdParam('teamId', 'Team') teamId: string,
  ): Promise<PendingInvitationListDto> {
    const pending = await this.invitations.listPending(actor, teamId);
    return {
      items: pending.map((i) => ({
        ...i,
        createdAt: i.createdAt.toISOString(),
        expiresAt: i.expiresAt.toISOString(),
      })),
      nextCursor: null,
    };
  }
}
