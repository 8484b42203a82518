import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor, DeniedAs, RequireRoles } from '@rilon/identity';
import { TeamsService } from '@rilon/network';
import { CreateTeamDto } from './dto/create-team.dto';
import { TeamDto } from './dto/team.dto';
import { TeamListDto } from './dto/team-list.dto';
import { UpdateTeamDto } from './dto/update-team.dto';

@ApiTags('network')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: TeamListDto, description: 'Every team, inactive ones included, by name' })
  list(): Promise<TeamListDto> {
    return this.teams.list();
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: TeamDto })
  get(@IdParam('id', 'Team') id: string): Promise<TeamDto> {
    return this.teams.get(id);
  }

  @Post()
  @RequireRoles('admin')
  @DeniedAs('team.create', 'team')
  @ApiCreatedResponse({
    type: TeamDto,
    description: 'Administrators only; 400 for an unknown capitalId, 409 for a taken name',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(actor, dto);
  }

  @Patch(':id')
  @RequireRoles('admin')
  @DeniedAs('team.update', 'team', 'param:id')
  @ApiOkResponse({
    type: TeamDto,
    description: 'Administrators only; 400 for an unknown capitalId, 409 for a taken name',
  })
  update(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Team') id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<TeamDto> {
    return this.teams.update(actor, id, dto);
  }
}
