export {
  startEmbeddedPostgres,
  type EmbeddedPostgresModule,
  type RunningPostgres,
} from './embedded-postgres';
export { startAdminServer } from './admin-server';
export { stopOnSignals, type Stoppable } from './process-lifecycle';
export { startRegistryDuties } from './registry-duties';
export { startConsumers, countingHandler, type ConsumerSpec } from './event-consumers';
export { startApiGateway, GATEWAY_FEATURES } from './api-gateway.starter';
export { startCaravan, type CaravanSystem } from './caravan.system';
export { runApp, type Started } from './run-app';
export { caravanBanner, type CaravanBannerInfo } from './caravan-banner';
export { startConsumerApp, type ConsumerFactory } from './consumer-app.starter';
export { startSchedulerWorker } from './scheduler-worker.starter';
export { registerEventStoreMetrics } from './event-store-metrics';
