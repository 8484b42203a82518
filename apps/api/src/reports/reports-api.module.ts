import { Module } from '@nestjs/common';

/** HTTP routes of the reports area. */
@Module({ imports: [], controllers: [], providers: [] })
export class ReportsApiModule {}
