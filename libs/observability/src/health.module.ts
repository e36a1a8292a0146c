import { Module, type DynamicModule } from '@nestjs/common';
import { HEALTH_OPTIONS, HealthController, type HealthOptions } from './health.controller';

/** `GET /v1/agent/health` in Nomad's shape, for every app's small HTTP server. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_OPTIONS, useValue: options }],
    };
  }
}
