import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { type Actor, PageQueryDto } from '@rilon/core';
import { Authenticated, CurrentActor, DeniedAs, RequireRoles } from '@rilon/identity';
import { UserUpdater, UsersService } from '@rilon/network';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import { UserPageDto } from './dto/user-page.dto';

@ApiTags('network')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly updater: UserUpdater,
  ) {}

  @Post()
  @RequireRoles('admin')
  @DeniedAs('user.create', 'user')
  @ApiCreatedResponse({
    type: UserDto,
    description:
      'Administrators only; 409 on a taken e-mail (case-insensitive). Without a password the user is sent an invitation e-mail',
  })
  @ApiTooManyRequestsResponse({
    description:
      'Without a password: the caller has sent 50 invitations within the hour (POST /invitations counted too); Retry-After says when the window ends',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Get()
  @RequireRoles('admin')
  @DeniedAs('user.list', 'user')
  @ApiOkResponse({ type: UserPageDto, description: 'Administrators only; newest account first' })
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<UserPageDto> {
    return this.users.list(actor, query.limit, query.cursor);
  }

  @Get(':id')
  @Authenticated('own-account')
  @ApiOkResponse({
    type: UserDto,
    description: 'Administrators, and every user for their own account',
  })
  get(@CurrentActor() actor: Actor, @IdParam('id', 'User') id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @RequireRoles('admin')
  @DeniedAs('user.update', 'user', 'param:id')
  @ApiOkResponse({ type: UserDto, description: 'Administrators only' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'User') id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return this.updater.update(actor, id, dto);
  }
}
