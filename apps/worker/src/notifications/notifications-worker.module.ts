import { Module } from '@nestjs/common';

/** Worker side of the notifications area. */
@Module({ imports: [], providers: [] })
export class NotificationsWorkerModule {}
