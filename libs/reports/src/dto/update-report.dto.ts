import { ApiPropertyOptional } from '@nestjs/swagger';
import { Absent, IsSingleLine } from '@rilon/core';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INFORMATION_CREDIBILITIES, SOURCE_RELIABILITIES, TLPS } from '../report-codes';
import { digitAsString } from './digit-as-string';
import { DistributionDto } from './distribution.dto';

/**
 * PATCH /reports/:id: a merge of the envelope fields; a given `body` replaces the body whole
 * and is validated against the stored report's type by the service. `type` and `teamId`
 * are not accepted (400). A changed `tlp` without `distribution` keeps the stored
 * distribution only where it still applies (AMBER to AMBER+STRICT; RED to RED). Only
 * `distribution` may be null (no list: the authoring team alone, or nobody named); any
 * other field given as null is a 400, never "unchanged".
 */
export class UpdateReportDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Absent()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  title?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Absent()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({ enum: TLPS })
  @Absent()
  @IsIn(TLPS)
  tlp?: string;

  @ApiPropertyOptional({ type: DistributionDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DistributionDto)
  distribution?: DistributionDto | null;

  @ApiPropertyOptional()
  @Absent()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ enum: SOURCE_RELIABILITIES })
  @Absent()
  @IsIn(SOURCE_RELIABILITIES)
  sourceReliability?: string;

  @ApiPropertyOptional({ enum: INFORMATION_CREDIBILITIES })
  @Absent()
  @Transform(digitAsString)
  @IsIn(INFORMATION_CREDIBILITIES)
  informationCredibility?: string;

  @ApiPropertyOptional({ description: 'the whole new body, of the report type' })
  @Absent()
  @IsObject()
  body?: Record<string, unknown>;
}
