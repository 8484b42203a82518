import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { MembershipsService } from '@rilon/network';
import { SetRoleDto, TeamMemberDto, TeamMemberListDto } from './dto/teams.dto';
import { UuidParamPipe } from './uuid-param.pipe';

@ApiTags('network')
@ApiBearerAuth()
@Controller('teams/:teamId/members')
export class TeamMembersController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: TeamMemberListDto, description: 'Administrators and members of the team' })
  list(
    @CurrentActor() actor: Actor,
    @Param('teamId', UuidParamPipe) teamId: string,
  ): Promise<TeamMemberListDto> {
    return this.memberships.list(actor, teamId);
  }

  @Put(':userId')
  @Authenticated()
  @ApiOkResponse({
    type: TeamMemberDto,
    description:
      'Administrators set any role; a lead of the team sets officer or observer for users who are not its leads',
  })
  set(
    @CurrentActor() actor: Actor,
    @Param('teamId', UuidParamPipe) teamId: string,
    @Param('userId', UuidParamPipe) userId: string,
    @Body() dto: SetRoleDto,
  ): Promise<TeamMemberDto> {
    return this.memberships.set(actor, teamId, userId, dto.role);
  }

  @Delete(':userId')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Administrators remove anyone; a lead of the team removes its officers and observers',
  })
  remove(
    @CurrentActor() actor: Actor,
    @Param('teamId', UuidParamPipe) teamId: string,
    @Param('userId', UuidParamPipe) userId: string,
  ): Promise<void> {
    return this.memberships.remove(actor, teamId, userId);
  }
}
