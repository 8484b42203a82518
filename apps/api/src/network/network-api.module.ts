import { Module } from '@nestjs/common';

/** HTTP routes of the network area. */
@Module({ imports: [], controllers: [], providers: [] })
export class NetworkApiModule {}
