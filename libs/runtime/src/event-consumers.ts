import type { PostgresEventStore, RecordedEvent } from '@caravan/event-store';
import { createSubscriber, eventStorePorts, type MessagingTransport } from '@caravan/messaging';
import { getMetricsRegistry, type Logger } from '@caravan/observability';
import { Counter } from 'prom-client';
import type { Stoppable } from './process-lifecycle';

export interface ConsumerSpec {
  /** the consumer group (Kafka) or checkpoint (store tail) name */
  name: string;
  categories: string[];
  handler: (event: RecordedEvent) => Promise<void>;
}

/** Subscribes a worker app's consumers over the configured transport. */
export async function startConsumers(
  app: string,
  store: PostgresEventStore,
  databaseUrl: string,
  transport: MessagingTransport,
  specs: ConsumerSpec[],
  logger: Logger,
): Promise<Stoppable[]> {
  const subscriber = createSubscriber(transport, {
    ...eventStorePorts(store, databaseUrl),
    clientId: `caravan-${app}`,
  });
  const parts: Stoppable[] = [];
  for (const spec of specs) {
    const subscription = await subscriber.subscribe({
      ...spec,
      onError: (error) =>
        logger.warn({ err: error, consumer: spec.name }, 'consumer handler failed; retrying'),
    });
    parts.push({ name: `consumer ${spec.name}`, stop: () => subscription.stop() });
  }
  return parts;
}

/**
 * What the scheduler and deployment watcher consume today: they count what they would act on.
 * Placement and deployment decisions arrive with their own issues; the subscriptions, groups and
 * checkpoints they will use are already real.
 */
export function countingHandler(
  app: string,
  consumer: string,
): (event: RecordedEvent) => Promise<void> {
  const registry = getMetricsRegistry(app);
  const name = 'caravan_consumed_events_total';
  const counter =
    (registry.getSingleMetric(name) as Counter<'consumer' | 'type'> | undefined) ??
    new Counter({
      name,
      help: 'Events delivered to a consumer',
      labelNames: ['consumer', 'type'],
      registers: [registry],
    });
  return async (event) => {
    counter.inc({ consumer, type: event.type });
  };
}
