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
import { MembershipsService } from '@rilon/network';
import { SetRoleDto } from './dto/set-role.dto';
import { TeamMemberDto } from './dto/team-member.dto';
import { TeamMemberListDto } from './dto/team-member-list.dto';

// Issue 12: the contract's table gains the own-membership rule and the leads' notification.
const OWN_RULE =
  'Nobody changes their own memberships, administrators and leads alike: `userId` equal to ' +
  'the caller is 403 (audited as `membership.set.denied` / `membership.remove.denied`), so an ' +
  'administrator cannot make themself a lead and gain content access.';
const TOLD =
  'Every change is told in the app (`membership.changed`) to the member and to every lead ' +
  'of the team, except the one who made it.';
const REFUSED =
  'The caller is neither an administrator nor a lead of the team, a lead touches a lead or ' +
  'grants the lead role, or the caller targets their own membership (audited)';

@ApiTags('network')
@ApiBearerAuth()
@Controller('teams/:teamId/members')
export class TeamMembersController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @Authenticated('team-member')
  @ApiOkResponse({ type: TeamMemberListDto, description: 'Administrators and members of the team' })
  list(
    @CurrentActor() actor: Actor,
    @IdParam('teamId', 'Team') teamId: string,
  ): Promise<TeamMemberListDto> {
    return this.memberships.list(actor, teamId);
  }

  @Put(':userId')
  @Authenticated('team-membership')
  @ApiOperation({
    summary: "Set a user's role in the team",
    description: `${OWN_RULE} ${TOLD}`,
  })
  @ApiOkResponse({
    type: TeamMemberDto,
    description:
      'Administrators set any role; a lead of the team sets officer or observer for users who are not its leads',
  })
  @ApiForbiddenResponse({ description: REFUSED })
  set(
    @CurrentActor() actor: Actor,
    @IdParam('teamId', 'Team') teamId: string,
    @IdParam('userId', 'User') userId: string,
    @Body() dto: SetRoleDto,
  ): Promise<TeamMemberDto> {
    return this.memberships.set(actor, teamId, userId, dto.role);
  }

  @Delete(':userId')
  @Authenticated('team-membership')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user from the team', description: `${OWN_RULE} ${TOLD}` })
  @ApiNoContentResponse({
    description:
      'Administrators remove anyone; a lead of the team removes its officers and observers',
  })
  @ApiForbiddenResponse({ description: REFUSED })
  remove(
    @CurrentActor() actor: Actor,
    @IdParam('teamId', 'Team') teamId: string,
    @IdParam('userId', 'Membership') userId: string,
  ): Promise<void> {
    return this.memberships.remove(actor, teamId, userId);
  }
}
