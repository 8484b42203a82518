import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { BORDER_TYPES, STATISTICS_INDICATORS } from '../statistics/statistics-codes';
import { IsNationalityCode } from '../validation/code.validators';

/** One figure of a monthly statistics report. */
export class ObservationDto {
  @ApiProperty({ enum: STATISTICS_INDICATORS })
  @IsIn(STATISTICS_INDICATORS)
  indicator: string;

  @ApiProperty({ example: 'AFG', description: 'ISO 3166-1 alpha-3 or XXA, XXB, XXC, XXX' })
  @IsNationalityCode()
  nationality: string;

  @ApiProperty({ enum: BORDER_TYPES })
  @IsIn(BORDER_TYPES)
  borderType: string;

  @ApiProperty({ minimum: 0, maximum: 1_000_000_000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  count: number;
}
