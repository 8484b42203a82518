import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalTextList } from '../validation/text-list.validator';
import { DIRECTIONS, DOCUMENT_TYPES, FRAUD_TYPES, TRENDS } from '../report-codes';
import { IsCountryCode, IsNationalityCode } from '../validation/code.validators';
import { IsDateOnly, NotBefore, NotInFuture } from '../validation/date.validators';
import { DetectionPointDto } from './detection-point.dto';
import { RouteDto } from './route.dto';

/** A trend in visa and document fraud seen at the post. */
export class VisaFraudTrendBodyDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  documentType: string;

  @ApiProperty({ example: 'IND' })
  @IsCountryCode()
  issuingCountry: string;

  @ApiProperty({ enum: FRAUD_TYPES })
  @IsIn(FRAUD_TYPES)
  fraudType: string;

  @ApiProperty({ minimum: 0, maximum: 1_000_000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  personsDetected: number;

  @ApiProperty({ minimum: 0, maximum: 1_000_000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  documentsDetected: number;

  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS)
  direction: string;

  @ApiProperty({ example: '2026-09-01', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  @NotInFuture()
  periodStart: string;

  @ApiProperty({
    example: '2026-09-30',
    description: 'YYYY-MM-DD, >= periodStart, not in the future',
  })
  @IsDateOnly()
  @NotInFuture()
  @NotBefore('periodStart')
  periodEnd: string;

  @ApiPropertyOptional({ type: [String], example: ['LKA', 'XXA'], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsNationalityCode({ each: true })
  holderNationalities?: string[];

  @ApiPropertyOptional({ type: [DetectionPointDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DetectionPointDto)
  detectionPoints?: DetectionPointDto[];

  @ApiPropertyOptional({ type: RouteDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RouteDto)
  route?: RouteDto;

  @OptionalTextList(30, 200, {
    description: 'short texts',
    example: ['biodata page substitution'],
  })
  compromisedFeatures?: string[];

  @ApiProperty({ enum: TRENDS })
  @IsIn(TRENDS)
  trend: string;

  @OptionalTextList(30, 1000, { description: 'advice for front-line officers' })
  indicators?: string[];
}
