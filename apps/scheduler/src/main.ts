// Consumes evaluations (Kafka consumer group, partitioned by job).
import { PostgresEventStore } from '@caravan/event-store';
import { countingHandler, runApp, startAdminServer, startConsumers } from '@caravan/runtime';

runApp('scheduler', async (config, logger) => {
  const store = await PostgresEventStore.open(config.databaseUrl);
  const consumers = await startConsumers(
    'scheduler',
    store,
    config.databaseUrl,
    { mode: 'kafka', kafka: config.kafka },
    [
      {
        name: 'scheduler',
        categories: ['evaluation', 'node'],
        handler: countingHandler('scheduler', 'scheduler'),
      },
    ],
    logger,
  );
  const admin = await startAdminServer('scheduler', config.admin, logger);
  return [
    { name: 'event store', stop: () => store.close() },
    ...consumers,
    { name: 'admin http', stop: () => admin.close() },
  ];
});
