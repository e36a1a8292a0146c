import { PostgresEventStore } from '@caravan/event-store';
import type { HostPort, KafkaConfig } from '@caravan/config';
import type { Logger } from '@caravan/observability';
import { startAdminServer } from './admin-server';
import { startConsumers, type ConsumerSpec } from './event-consumers';
import type { Stoppable } from './process-lifecycle';

/** A distributed worker app: Kafka consumer groups over the event store, plus health and metrics. */
export async function startConsumerApp(
  app: string,
  config: { databaseUrl: string; kafka: KafkaConfig; admin: HostPort },
  consumers: ConsumerSpec[],
  logger: Logger,
): Promise<Stoppable[]> {
  const store = await PostgresEventStore.open(config.databaseUrl);
  const transport = { mode: 'kafka' as const, kafka: config.kafka };
  const subscriptions = await startConsumers(
    app,
    store,
    config.databaseUrl,
    transport,
    consumers,
    logger,
  );
  const admin = await startAdminServer(app, config.admin, logger);
  return [
    { name: 'event store', stop: () => store.close() },
    ...subscriptions,
    { name: 'admin http', stop: () => admin.close() },
  ];
}
