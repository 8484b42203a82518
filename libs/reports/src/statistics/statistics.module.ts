import { Module } from '@nestjs/common';
import { StatisticsLedger } from './statistics-ledger';
import { StatisticsSeriesService } from './statistics-series.service';
import { StatisticsRepository } from './statistics.repository';

/** The statistics ledger (called by the report lifecycle) and the series it answers. */
@Module({
  providers: [StatisticsRepository, StatisticsLedger, StatisticsSeriesService],
  exports: [StatisticsLedger, StatisticsSeriesService],
})
export class StatisticsModule {}
