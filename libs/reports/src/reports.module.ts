import { Module } from '@nestjs/common';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { ReportInputService } from './report-input.service';
import { ReportLifecycleService } from './report-lifecycle.service';
import { ReportQueryService } from './report-query.service';
import { ReportTransitionsService } from './report-transitions.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { StatisticsModule } from './statistics/statistics.module';

/** Structured reports: authoring, lifecycle, reads and search (issue 3). */
@Module({
  imports: [StatisticsModule, EnrolmentsModule],
  providers: [
    ReportsRepository,
    ReportInputService,
    ReportTransitionsService,
    ReportsService,
    ReportLifecycleService,
    ReportQueryService,
  ],
  exports: [ReportsService, ReportLifecycleService, ReportQueryService, StatisticsModule],
})
export class ReportsModule {}
