import { Module } from '@nestjs/common';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { ReportInputService } from './report-input.service';
import { ReportLifecycleService } from './report-lifecycle.service';
import { ReportQueryService } from './report-query.service';
import { ReportTransitionsService } from './report-transitions.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { StatisticsModule } from './statistics/statistics.module';
import { TaxiiFeedService } from './taxii/taxii-feed.service';
import { TaxiiObjectsRepository } from './taxii/taxii-objects.repository';

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
    TaxiiObjectsRepository,
    TaxiiFeedService,
  ],
  exports: [
    ReportsService,
    ReportLifecycleService,
    ReportQueryService,
    TaxiiFeedService,
    StatisticsModule,
  ],
})
export class ReportsModule {}
