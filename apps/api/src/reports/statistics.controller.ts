import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { StatisticsSeriesService } from '@rilon/reports';
import { SeriesDto } from './series.dto';
import { SeriesQueryDto } from './series-query.dto';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly series: StatisticsSeriesService) {}

  @Get('series')
  @Authenticated('report-reader')
  @ApiOperation({
    summary: 'Sums of one indicator, grouped',
    description:
      'Sums over the current version of every published migration_statistics report the caller ' +
      'may read (one official figure per reporting country and month). Groups with no ' +
      'observations are left out; keys are ordered ascending. from > to is a 400.',
  })
  @ApiOkResponse({ type: SeriesDto })
  get(@CurrentActor() actor: Actor, @Query() query: SeriesQueryDto): Promise<SeriesDto> {
    return this.series.series(actor, query);
  }
}
