import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Validate } from 'class-validator';
import { DETECTION_POINT_TYPES } from '../report-codes';
import { IsCountryCode } from '../validation/code.validators';
import { DetectionPointCodeRule } from '../validation/detection-point-code.rule';

/** Where detections happened; an airport is named by its IATA code. */
export class DetectionPointDto {
  @ApiProperty({ enum: DETECTION_POINT_TYPES })
  @IsIn(DETECTION_POINT_TYPES)
  type: string;

  @ApiPropertyOptional({
    example: 'BKK',
    description:
      'IATA code (three capital letters) for an airport; for other points a short location code, 2-8 capital letters or digits',
  })
  @IsOptional()
  @Validate(DetectionPointCodeRule)
  code?: string;

  @ApiProperty({ example: 'THA' })
  @IsCountryCode()
  country: string;
}
