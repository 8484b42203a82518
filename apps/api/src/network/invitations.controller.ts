import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor, Public } from '@rilon/identity';
import { InvitationsService } from '@rilon/network';
import { AcceptedInvitationDto } from './dto/accepted-invitation.dto';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { InvitationDto } from './dto/invitation.dto';

@ApiTags('network')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Authenticated('team-membership')
  @ApiBearerAuth()
  @ApiCreatedResponse({
    type: InvitationDto,
    description:
      'Administrators invite with any role, leads of the team as officer or observer; the e-mail carries a link valid 7 days. 409 when the e-mail already has an account',
  })
  @ApiTooManyRequestsResponse({
    description:
      'The caller has sent 50 invitations within the hour (accounts created without a password counted too); Retry-After says when the window ends',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateInvitationDto,
  ): Promise<InvitationDto> {
    const invitation = await this.invitations.create(actor, dto);
    return { ...invitation, expiresAt: invitation.expiresAt.toISOString() };
  }

  @Post('accept')
  @Public()
  @ApiCreatedResponse({
    type: AcceptedInvitationDto,
    description:
      'Sets the password and creates the account and membership; 410 for an unknown, used or expired token, 409 if the e-mail was registered meanwhile',
  })
  accept(@Body() dto: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    return this.invitations.accept(dto.token, dto.password);
  }
}
