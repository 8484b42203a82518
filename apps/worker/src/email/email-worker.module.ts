import { Module } from '@nestjs/common';

/** Worker side of the email area. */
@Module({ imports: [], providers: [] })
export class EmailWorkerModule {}
