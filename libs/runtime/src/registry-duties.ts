import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '@caravan/event-store';
import {
  createReadModelDataSource,
  ensureReadModelSchema,
  ProjectorRunner,
} from '@caravan/read-models';
import {
  eventStorePorts,
  Forwarder,
  FORWARDER_NAME,
  KafkaClient,
  type MessagingTransport,
} from '@caravan/messaging';
import { startSequencerSweep } from '@caravan/registry';
import type { Logger } from '@caravan/observability';
import type { Stoppable } from './process-lifecycle';

/**
 * The registry's leader duties, each campaigning for its own lease so replicas share them:
 * the sequencer sweep, the projector (log -> read models) and, with Kafka, the forwarder.
 */
export async function startRegistryDuties(
  store: PostgresEventStore,
  databaseUrl: string,
  transport: MessagingTransport,
  logger: Logger,
): Promise<Stoppable[]> {
  const sweep = startSequencerSweep(store, databaseUrl, logger);
  const dataSource: DataSource = createReadModelDataSource(databaseUrl, {
    applicationName: 'caravan-projector',
  });
  await dataSource.initialize();
  await ensureReadModelSchema(dataSource);
  const projector = new ProjectorRunner(store, dataSource, {
    databaseUrl,
    onError: (error) => logger.warn({ err: error }, 'projector batch failed; retrying'),
  });
  projector.start();
  const parts: Stoppable[] = [
    { name: 'sequencer sweep', stop: () => sweep.stop() },
    { name: 'projector', stop: () => projector.stop() },
    { name: 'read-model connection', stop: () => dataSource.destroy() },
  ];
  if (transport.mode === 'kafka') {
    const { brokers, partitions, topicPrefix } = transport.kafka;
    const ports = eventStorePorts(store, databaseUrl);
    const forwarder = new Forwarder(
      {
        ...ports,
        leader: ports.leaderFor(FORWARDER_NAME),
        kafka: new KafkaClient({ brokers, clientId: 'caravan-forwarder' }),
      },
      {
        partitions,
        topicPrefix,
        onError: (error) => logger.warn({ err: error }, 'forwarder batch failed; retrying'),
      },
    );
    await forwarder.start();
    parts.push({ name: 'forwarder', stop: () => forwarder.stop() });
  }
  return parts;
}
