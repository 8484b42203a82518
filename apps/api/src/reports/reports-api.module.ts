import { Module } from '@nestjs/common';
import { ReportsModule } from '@rilon/reports';
import { ReportsController } from './reports.controller';

/** HTTP routes of the reports area. */
@Module({ imports: [ReportsModule], controllers: [ReportsController], providers: [] })
export class ReportsApiModule {}
