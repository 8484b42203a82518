import { Module } from '@nestjs/common';
import { StatisticsLedger } from './statistics-ledger';
import { StatisticsSeriesService } from './statistics-series.service';

/** The statistics ledger (called by the report lifecycle) and the series it answers. */
@Module({
  providers: [StatisticsLedger, StatisticsSeriesService],
  exports: [StatisticsLedger, StatisticsSeriesService],
})
export class StatisticsModule {}
