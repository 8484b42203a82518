import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsServer } from './metrics-server';
import { MetricsService } from './metrics.service';

/** Health on the API port; metrics on a listener of their own (MetricsServer). */
@Module({
  controllers: [HealthController],
  providers: [MetricsService, MetricsServer],
  exports: [MetricsService],
})
export class OpsModule {}
