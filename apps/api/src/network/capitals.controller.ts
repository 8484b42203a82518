import { Body, Controller, Get, Post } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor, DeniedAs, RequireRoles } from '@rilon/identity';
import { CapitalsService } from '@rilon/network';
import { CapitalDto } from './dto/capital.dto';
import { CapitalListDto } from './dto/capital-list.dto';
import { CreateCapitalDto } from './dto/create-capital.dto';

@ApiTags('network')
@ApiBearerAuth()
@Controller('capitals')
export class CapitalsController {
  constructor(private readonly capitals: CapitalsService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: CapitalListDto, description: 'Every capital, by name' })
  list(): Promise<CapitalListDto> {
    return this.capitals.list();
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: CapitalDto })
  get(@IdParam('id', 'Capital') id: string): Promise<CapitalDto> {
    return this.capitals.get(id);
  }

  @Post()
  @RequireRoles('admin')
  @DeniedAs('capital.create', 'capital')
  @ApiCreatedResponse({
    type: CapitalDto,
    description: 'Administrators only; 409 if a capital of that name exists in that country',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCapitalDto): Promise<CapitalDto> {
    return this.capitals.create(actor, dto);
  }
}
