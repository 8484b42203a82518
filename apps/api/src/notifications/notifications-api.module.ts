import { Module } from '@nestjs/common';

/** HTTP routes of the notifications area. */
@Module({ imports: [], controllers: [], providers: [] })
export class NotificationsApiModule {}
