export * from './logger';
export * from './nest-logger.service';
export * from './metrics.registry';
export * from './metrics-json';
export * from './metrics.controller';
export * from './metrics.module';
export * from './health.controller';
export * from './health.module';
