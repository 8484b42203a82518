import { Module } from '@nestjs/common';

/** Worker side of the outbox area. */
@Module({ imports: [], providers: [] })
export class OutboxWorkerModule {}
