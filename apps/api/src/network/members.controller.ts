import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor, DeniedAs, RequireRoles } from '@rilon/identity';
import { MembersService } from '@rilon/network';
import { CreateMemberDto } from './dto/create-member.dto';
import { MemberDto } from './dto/member.dto';
import { MemberListDto } from './dto/member-list.dto';

@ApiTags('network')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: MemberListDto, description: 'Every member, by code' })
  list(): Promise<MemberListDto> {
    return this.members.list();
  }

  @Post()
  @RequireRoles('admin')
  @DeniedAs('member.create', 'member', 'body:code')
  @ApiCreatedResponse({
    type: MemberDto,
    description: 'Administrators only; 409 if the code exists',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMemberDto): Promise<MemberDto> {
    return this.members.create(actor, dto);
  }
}
