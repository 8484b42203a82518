import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { IsCountryCode } from '../validation/code.validators';
import { IsMonth, NotInFuture } from '../validation/date.validators';
import { UniqueObservations } from '../validation/unique-observations.validator';
import { ObservationDto } from './observation.dto';

/** One country's monthly figures (FRAN-style indicators). */
export class MigrationStatisticsBodyDto {
  @ApiProperty({ example: 'THA' })
  @IsCountryCode()
  reportingCountry: string;

  @ApiProperty({ example: '2026-10', description: 'YYYY-MM, not in the future' })
  @IsMonth()
  @NotInFuture()
  period: string;

  @ApiProperty({
    type: [ObservationDto],
    minItems: 1,
    maxItems: 2000,
    description: 'no two rows share (indicator, nationality, borderType)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ObservationDto)
  @UniqueObservations()
  observations: ObservationDto[];
}
