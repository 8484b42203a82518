import { ApiProperty } from '@nestjs/swagger';
import { SERIES_GROUPINGS, STATISTICS_INDICATORS } from '@rilon/reports';
import { SeriesPointDto } from './series-point.dto';

export class SeriesDto {
  @ApiProperty({ enum: STATISTICS_INDICATORS }) indicator: string;
  @ApiProperty({ enum: SERIES_GROUPINGS }) groupBy: string;
  @ApiProperty({ type: [SeriesPointDto], description: 'Ordered by key' }) series: SeriesPointDto[];
}
