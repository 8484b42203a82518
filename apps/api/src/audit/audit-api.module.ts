import { Module } from '@nestjs/common';

/** HTTP routes of the audit area. */
@Module({ imports: [], controllers: [], providers: [] })
export class AuditApiModule {}
