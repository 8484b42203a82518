import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine } from '@rilon/core';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { bodyClassFor, type ReportBodyDto } from '../bodies/report-bodies';
import { MigrationStatisticsBodyDto } from '../bodies/migration-statistics.dto';
import { ModusOperandiBodyDto } from '../bodies/modus-operandi.dto';
import { TrainingOfferBodyDto } from '../bodies/training-offer.dto';
import { VisaFraudTrendBodyDto } from '../bodies/visa-fraud-trend.dto';
import {
  INFORMATION_CREDIBILITIES,
  REPORT_TYPES,
  SOURCE_RELIABILITIES,
  TLPS,
} from '../report-codes';
import { digitAsString } from './digit-as-string';
import { DistributionDto } from './distribution.dto';

/** POST /reports: the envelope and the body its `type` names. */
export class CreateReportDto {
  @ApiProperty({ enum: REPORT_TYPES })
  @IsIn(REPORT_TYPES)
  type: string;

  @ApiProperty({
    format: 'uuid',
    description: 'the authoring team; the caller is its officer or lead',
  })
  @IsUUID()
  teamId: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    description:
      'checked for personal data when the report is submitted, published or amended, whatever its type (422)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  title: string;

  @ApiPropertyOptional({
    maxLength: 4000,
    default: '',
    description:
      'checked for personal data when the report is submitted, published or amended, whatever its type (422)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiProperty({ enum: TLPS })
  @IsIn(TLPS)
  tlp: string;

  @ApiPropertyOptional({
    type: DistributionDto,
    nullable: true,
    description:
      'AMBER/AMBER+STRICT: {teamIds} (authoring team added; empty = authoring team alone); RED: {userIds}, 1 or more; CLEAR/GREEN: omit it',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DistributionDto)
  distribution?: DistributionDto | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ enum: SOURCE_RELIABILITIES, default: 'X' })
  @IsOptional()
  @IsIn(SOURCE_RELIABILITIES)
  sourceReliability?: string;

  @ApiPropertyOptional({ enum: INFORMATION_CREDIBILITIES, default: '4' })
  @IsOptional()
  @Transform(digitAsString)
  @IsIn(INFORMATION_CREDIBILITIES)
  informationCredibility?: string;

  @ApiProperty({
    description: 'shape chosen by `type`',
    oneOf: [
      { $ref: '#/components/schemas/VisaFraudTrendBodyDto' },
      { $ref: '#/components/schemas/ModusOperandiBodyDto' },
      { $ref: '#/components/schemas/MigrationStatisticsBodyDto' },
      { $ref: '#/components/schemas/TrainingOfferBodyDto' },
    ],
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type((options) => bodyClassFor((options?.object as { type?: unknown } | undefined)?.type))
  body: ReportBodyDto;
}

/** Referenced from the OpenAPI document so the oneOf above resolves. */
export const REPORT_BODY_SCHEMAS = [
  VisaFraudTrendBodyDto,
  ModusOperandiBodyDto,
  MigrationStatisticsBodyDto,
  TrainingOfferBodyDto,
];
