import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import {
  CreateReportDto,
  ListReportsQueryDto,
  REPORT_BODY_SCHEMAS,
  ReportLifecycleService,
  ReportQueryService,
  ReportsService,
  ReturnReportDto,
  UpdateReportDto,
  WithdrawReportDto,
} from '@rilon/reports';
import { ReportPageDto } from './report-page.dto';
import { ReportVersionsDto } from './report-versions.dto';
import { ReportDto } from './report.dto';

@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(...REPORT_BODY_SCHEMAS)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly lifecycle: ReportLifecycleService,
    private readonly query: ReportQueryService,
  ) {}

  @Post()
  @Authenticated('report-author')
  @ApiOperation({ summary: 'Create a draft (officer or lead of teamId)' })
  @ApiCreatedResponse({ type: ReportDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateReportDto): Promise<ReportDto> {
    return ReportDto.from(await this.reports.create(actor, dto));
  }

  @Get()
  @Authenticated('report-reader')
  @ApiOperation({ summary: 'The reports the caller may read, newest first, without body' })
  @ApiOkResponse({ type: ReportPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ListReportsQueryDto,
  ): Promise<ReportPageDto> {
    return ReportPageDto.from(await this.query.list(actor, query));
  }

  @Get(':id')
  @Authenticated('report-reader')
  @ApiOkResponse({ type: ReportDto })
  async get(@CurrentActor() actor: Actor, @IdParam('id', 'Report') id: string): Promise<ReportDto> {
    return ReportDto.from(await this.query.get(actor, id));
  }

  @Get(':id/versions')
  @Authenticated('report-reader')
  @ApiOperation({
    summary: 'Published versions, oldest first, to whoever may read the report now',
    description:
      'A version is listed only when its own TLP and distribution let the caller read it as ' +
      'well: loosening a report (RED to GREEN, say) never opens its stricter earlier versions.',
  })
  @ApiOkResponse({ type: ReportVersionsDto })
  async versions(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Report') id: string,
  ): Promise<ReportVersionsDto> {
    return ReportVersionsDto.from(await this.query.versions(actor, id));
  }

  @Patch(':id')
  @Authenticated('report-lifecycle')
  @ApiOperation({ summary: 'Change a draft in place, or amend a published report (new version)' })
  @ApiOkResponse({ type: ReportDto })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Report') id: string,
    @Body() dto: UpdateReportDto,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.reports.update(actor, id, dto));
  }

  @Post(':id/submit')
  @Authenticated('report-lifecycle')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  async submit(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Report') id: string,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.lifecycle.submit(actor, id));
  }

  @Post(':id/return')
  @Authenticated('report-lifecycle')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  async return(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Report') id: string,
    @Body() dto: ReturnReportDto,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.lifecycle.return(actor, id, dto.comment));
  }

  @Post(':id/publish')
  @Authenticated('report-lifecycle')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  async publish(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Report') id: string,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.lifecycle.publish(actor, id));
  }

  @Post(':id/withdraw')
  @Authenticated('report-lifecycle')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDto })
  async withdraw(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Report') id: string,
    @Body() dto: WithdrawReportDto,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.lifecycle.withdraw(actor, id, dto.reason));
  }
}
