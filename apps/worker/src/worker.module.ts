import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@rilon/audit';
import {
  AppConfig,
  bullConnection,
  CoreConfigModule,
  DEFAULT_JOB_OPTIONS,
  loggerParams,
  RedisModule,
  STATEMENT_TIMEOUTS,
} from '@rilon/core';
import { LoggerModule } from 'nestjs-pino';
import { rilonDataSourceOptions } from '../../../migrations/data-source';
import { AuditWorkerModule } from './audit/audit-worker.module';
import { EmailWorkerModule } from './email/email-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { OutboxWorkerModule } from './outbox/outbox-worker.module';
import { WorkerLifecycle } from './ops/worker-lifecycle';

/** The worker process: outbox relay, queue processors and the audit sealer. No HTTP API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, 'worker')),
        TypeOrmModule.forRoot(
          rilonDataSourceOptions(
            config.databaseUrl,
            'rilon-worker',
            10,
            STATEMENT_TIMEOUTS.worker,
            config.maxTransactionSeconds,
          ),
        ),
        RedisModule,
        AuditModule,
        BullModule.forRoot({
          connection: bullConnection(config.redisUrl),
          prefix: config.queuePrefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        OutboxWorkerModule,
        EmailWorkerModule,
        AuditWorkerModule,
        NotificationsWorkerModule,
        DiscoveryModule,
      ],
      providers: [WorkerLifecycle],
    };
  }
}
