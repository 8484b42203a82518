import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COUNTRY_ALPHA3_CODES,
  MONTH_PATTERN,
  NATIONALITY_CODES,
  BORDER_TYPES,
  SERIES_GROUPINGS,
  STATISTICS_INDICATORS,
  SeriesGrouping,
} from '@rilon/reports';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `GET /statistics/series` query; every value arrives as a string. */
export class SeriesQueryDto {
  @ApiProperty({ enum: STATISTICS_INDICATORS })
  @IsString()
  @IsIn(STATISTICS_INDICATORS)
  indicator: string;

  @ApiProperty({ enum: SERIES_GROUPINGS })
  @IsString()
  @IsIn(SERIES_GROUPINGS)
  groupBy: SeriesGrouping;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-3', example: 'THA' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  @IsIn(COUNTRY_ALPHA3_CODES, { message: 'reportingCountry must be an ISO 3166-1 alpha-3 code' })
  reportingCountry?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-3, or XXA, XXB, XXC, XXX', example: 'MMR' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  @IsIn(NATIONALITY_CODES, { message: 'nationality must be an alpha-3 or ICAO 9303 code' })
  nationality?: string;

  @ApiPropertyOptional({ enum: BORDER_TYPES })
  @IsOptional()
  @IsString()
  @IsIn(BORDER_TYPES)
  borderType?: string;

  @ApiPropertyOptional({ description: 'First month counted, inclusive', example: '2025-01' })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  @Matches(MONTH_PATTERN, { message: 'from must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last month counted, inclusive', example: '2025-12' })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  @Matches(MONTH_PATTERN, { message: 'to must be a month YYYY-MM' })
  to?: string;
}
