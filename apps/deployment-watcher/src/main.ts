// Consumes deployment and allocation-health events (Kafka consumer group, partitioned by job).
import { PostgresEventStore } from '@caravan/event-store';
import { countingHandler, runApp, startAdminServer, startConsumers } from '@caravan/runtime';

runApp('deployment-watcher', async (config, logger) => {
  const store = await PostgresEventStore.open(config.databaseUrl);
  const consumers = await startConsumers(
    'deployment-watcher',
    store,
    config.databaseUrl,
    { mode: 'kafka', kafka: config.kafka },
    [
      {
        name: 'deployment-watcher',
        categories: ['deployment', 'allocation'],
        handler: countingHandler('deployment-watcher', 'deployment-watcher'),
      },
    ],
    logger,
  );
  const admin = await startAdminServer('deployment-watcher', config.admin, logger);
  return [
    { name: 'event store', stop: () => store.close() },
    ...consumers,
    { name: 'admin http', stop: () => admin.close() },
  ];
});
