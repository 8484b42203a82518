import { ApiPropertyOptional } from '@nestjs/swagger';
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
 * distribution only where it still applies (AMBER to AMBER+STRICT; RED to RED).
 */
export class UpdateReportDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({ enum: TLPS })
  @IsOptional()
  @IsIn(TLPS)
  tlp?: string;

  @ApiPropertyOptional({ type: DistributionDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DistributionDto)
  distribution?: DistributionDto | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ enum: SOURCE_RELIABILITIES })
  @IsOptional()
  @IsIn(SOURCE_RELIABILITIES)
  sourceReliability?: string;

  @ApiPropertyOptional({ enum: INFORMATION_CREDIBILITIES })
  @IsOptional()
  @Transform(digitAsString)
  @IsIn(INFORMATION_CREDIBILITIES)
  informationCredibility?: string;

  @ApiPropertyOptional({ description: 'the whole new body, of the report type' })
  @IsOptional()
  @IsObject()
  body?: Record<string, unknown>;
}
