import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController, METRICS_REGISTRY } from './metrics.controller';
import { getMetricsRegistry } from './metrics.registry';

/** `GET /v1/metrics` (Nomad-like JSON) and `GET /v1/metrics?format=prometheus`, for every app. */
@Module({})
export class MetricsModule {
  static forRoot(options: { app: string }): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_REGISTRY, useFactory: () => getMetricsRegistry(options.app) }],
      exports: [METRICS_REGISTRY],
    };
  }
}
