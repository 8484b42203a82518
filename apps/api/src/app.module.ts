import {
  DynamicModule,
  MiddlewareConsumer,
  Module,
  NestModule,
  ValidationPipe,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@rilon/audit';
import {
  AppConfig,
  CoreConfigModule,
  loggerParams,
  ProblemFilter,
  RedisModule,
  validationProblem,
} from '@rilon/core';
import { AccessGuard, IdentityModule, UserRateLimitGuard } from '@rilon/identity';
import { LoggerModule } from 'nestjs-pino';
import { rilonDataSourceOptions } from '../../../migrations/data-source';
import { AdminModule } from './admin/admin.module';
import { AuditApiModule } from './audit/audit-api.module';
import { AuthApiModule } from './auth/auth-api.module';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { NetworkApiModule } from './network/network-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { OpsModule } from './ops/ops.module';
import { PortalModule } from './portal/portal.module';
import { ReportsApiModule } from './reports/reports-api.module';
import { StatisticsApiModule } from './reports/statistics-api.module';
import { StixApiModule } from './stix/stix-api.module';
import { TaxiiApiModule } from './taxii/taxii-api.module';

/** The API process: HTTP edge over the domain libs. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, 'api')),
        TypeOrmModule.forRoot({
          ...rilonDataSourceOptions(
            config.databaseUrl,
            'rilon-api',
            undefined,
            undefined,
            config.maxTransactionSeconds,
          ),
          autoLoadEntities: false,
        }),
        RedisModule,
        AuditModule,
        IdentityModule,
        AuthApiModule,
        NetworkApiModule,
        AuditApiModule,
        ReportsApiModule,
        StatisticsApiModule,
        StixApiModule,
        TaxiiApiModule,
        NotificationsApiModule,
        OpsModule,
        AdminModule,
        PortalModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_GUARD, useExisting: UserRateLimitGuard },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            forbidUnknownValues: true,
            transform: true,
            transformOptions: { enableImplicitConversion: false },
            validationError: { target: false, value: false },
            exceptionFactory: validationProblem,
          }),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
