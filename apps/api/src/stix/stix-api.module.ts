import { Module } from '@nestjs/common';
import { NetworkModule } from '@rilon/network';
import { ReportsModule } from '@rilon/reports';
import { StixExportService } from './stix-export.service';
import { StixController } from './stix.controller';

/** STIX 2.1 export of reports (issue 9, items 1 and 2; docs/stix.md). */
@Module({
  imports: [ReportsModule, NetworkModule],
  controllers: [StixController],
  providers: [StixExportService],
})
export class StixApiModule {}
