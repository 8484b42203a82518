import { Module } from '@nestjs/common';
import { EnrolmentsModule, StatisticsModule } from '@rilon/reports';
import { EnrolmentsController } from './enrolments.controller';
import { StatisticsController } from './statistics.controller';

/** HTTP routes of statistics series and training enrolments. */
@Module({
  imports: [StatisticsModule, EnrolmentsModule],
  controllers: [StatisticsController, EnrolmentsController],
})
export class StatisticsApiModule {}
