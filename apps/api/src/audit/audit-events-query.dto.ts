import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@rilon/core';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const OUTCOMES = ['success', 'denied', 'failure'] as const;
/** A UTC-anchored instant or a whole UTC day: no zone-less local times, no week or ordinal dates. */
const TIMESTAMP = /^[12]\d{3}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const TIMESTAMP_MESSAGE =
  'must be an ISO 8601 timestamp with a zone (2026-11-28T10:00:00Z) or a date (2026-11-28)';

/** Filters of GET /audit-events; every one optional, all combined with AND. */
export class AuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'auth.login', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, { message: 'must look like area.verb' })
  action?: string;

  @ApiPropertyOptional({ example: 'user', maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'must be a lower-case type name' })
  targetType?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetId?: string;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({
    description: 'Inclusive lower bound on occurredAt; a bare date starts at 00:00 UTC',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(TIMESTAMP, { message: TIMESTAMP_MESSAGE })
  @IsISO8601({ strict: true }, { message: TIMESTAMP_MESSAGE })
  from?: string;

  @ApiPropertyOptional({
    description: 'Inclusive upper bound on occurredAt; a bare date covers the whole UTC day',
    example: '2026-11-30',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(TIMESTAMP, { message: TIMESTAMP_MESSAGE })
  @IsISO8601({ strict: true }, { message: TIMESTAMP_MESSAGE })
  to?: string;
}
