import { PostgresEventStore } from '@caravan/event-store';
import type { HostPort, KafkaConfig } from '@caravan/config';
import type { Logger } from '@caravan/observability';
import { startAdminServer } from './admin-server';
import { startConsumers, type ConsumerSpec } from './event-consumers';
import type { Stoppable } from './process-lifecycle';

/** Consumers that need the store first (the scheduler worker folds the log before consuming). */
export type ConsumerFactory = (
  store: PostgresEventStore,
) => Promise<{ consumers: ConsumerSpec[]; parts: Stoppable[] }>;

/** A distributed worker app: Kafka consumer groups over the event store, plus health and metrics. */
export async function startConsumerApp(
  app: string,
  config: { databaseUrl: string; kafka: KafkaConfig; admin: HostPort },
  specs: ConsumerSpec[] | ConsumerFactory,
  logger: Logger,
): Promise<Stoppable[]> {
  const store = await PostgresEventStore.open(config.databaseUrl);
  const made = Array.isArray(specs) ? { consumers: specs, parts: [] } : await specs(store);
  const consumers = made.consumers;
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
    ...made.parts,
    ...subscriptions,
    { name: 'admin http', stop: () => admin.close() },
  ];
}
