import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { IdParam } from '../http/uuid-param.pipe';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, PageQueryDto } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { EnrolmentDecisionsService, EnrolmentsService } from '@rilon/reports';
import { CreateEnrolmentDto } from './create-enrolment.dto';
import { EnrolmentCreatedDto } from './enrolment-created.dto';
import { EnrolmentDecisionDto } from './enrolment-decision.dto';
import { EnrolmentDto } from './enrolment.dto';
import { EnrolmentPageDto } from './enrolment-page.dto';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller()
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly decisions: EnrolmentDecisionsService,
  ) {}

  @Post('reports/:id/enrolments')
  @Authenticated('offer-enrolment')
  @ApiOperation({
    summary: 'Ask for seats on a published training offer',
    description:
      'For officers and leads (of any team) who may read the offer; observers, administrators ' +
      'and auditors without such a role get 403. 404 when the offer does not exist, is not a ' +
      'published training offer, or is not readable. 422 once the application deadline has ' +
      'passed: requests are taken until the end of the deadline day in UTC. 409 when the ' +
      'caller already asked for this offer (once per user and offer, whatever the outcome).',
  })
  @ApiCreatedResponse({ type: EnrolmentCreatedDto })
  create(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Training offer') reportId: string,
    @Body() dto: CreateEnrolmentDto,
  ): Promise<EnrolmentCreatedDto> {
    return this.enrolments.request(actor, reportId, dto);
  }

  @Get('reports/:id/enrolments')
  @Authenticated('offer-reader')
  @ApiOperation({
    summary: 'Enrolments of a training offer',
    description:
      'Leads of the offering team see every request, others who may read the offer their ' +
      'own; newest first, paged with limit and cursor.',
  })
  @ApiOkResponse({ type: EnrolmentPageDto })
  list(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Training offer') reportId: string,
    @Query() page: PageQueryDto,
  ): Promise<EnrolmentPageDto> {
    return this.enrolments.list(actor, reportId, page);
  }

  @Post('enrolments/:id/decision')
  @Authenticated('offering-team-lead')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept or decline an enrolment',
    description:
      'Leads of the offering team only (the requester gets 403, anyone else 404). 409 when the ' +
      'enrolment was already decided, when accepting would exceed the offer seats, or when ' +
      'accepting for an offer that is no longer published.',
  })
  @ApiOkResponse({ type: EnrolmentDto })
  decide(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Enrolment') enrolmentId: string,
    @Body() dto: EnrolmentDecisionDto,
  ): Promise<EnrolmentDto> {
    return this.decisions.decide(actor, enrolmentId, dto.decision);
  }
}
