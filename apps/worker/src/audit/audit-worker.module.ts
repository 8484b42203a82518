import { Module } from '@nestjs/common';

/** Worker side of the audit area. */
@Module({ imports: [], providers: [] })
export class AuditWorkerModule {}
