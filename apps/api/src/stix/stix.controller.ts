import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor, Public } from '@rilon/identity';
import { rilonExtensionSchema, type StixBundle } from '@rilon/reports';
import type { FastifyReply } from 'fastify';
import { IdParam } from '../http/uuid-param.pipe';
import { StixBulkQueryDto } from './stix-bulk-query.dto';
import { StixExportService } from './stix-export.service';
import { stixMediaType } from './stix-media-type';
import { ApiExtensionSchema, ApiReportStix, ApiReportsStix } from './stix.openapi';

/** STIX 2.1 export (docs/stix.md); the TAXII server is apps/api/src/taxii. */
@ApiTags('stix')
@Controller()
export class StixController {
  constructor(private readonly stix: StixExportService) {}

  @Get('reports/stix')
  @Authenticated('report-exporter')
  @ApiBearerAuth()
  @ApiReportsStix()
  async many(
    @CurrentActor() actor: Actor,
    @Query() query: StixBulkQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StixBundle> {
    const { bundle, nextCursor } = await this.stix.many(actor, query);
    if (nextCursor) reply.header('link', `<${nextLink(query, nextCursor)}>; rel="next"`);
    reply.header('content-type', stixMediaType(accept));
    return bundle;
  }

  @Get('reports/:id/stix')
  @Authenticated('report-exporter')
  @ApiBearerAuth()
  @ApiReportStix()
  async one(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Report') id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StixBundle> {
    const bundle = await this.stix.one(actor, id);
    reply.header('content-type', stixMediaType(accept));
    return bundle;
  }

  @Get('stix/extension-schema')
  @Public()
  @ApiExtensionSchema()
  extensionSchema(): Record<string, unknown> {
    // Open to anyone: the extension definition's `schema` URL is fetched by MISP, OpenCTI and
    // validators without a sign-in, and the schema holds nothing of any report.
    return rilonExtensionSchema(this.stix.schemaUrl());
  }
}

/** The same request with the next cursor, as a path below the API's origin. */
function nextLink(query: StixBulkQueryDto, cursor: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && key !== 'cursor') params.set(key, String(value));
  params.set('cursor', cursor);
  return `/api/v1/reports/stix?${params.toString()}`;
}
