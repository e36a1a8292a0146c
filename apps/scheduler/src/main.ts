// Consumes evaluations and node changes (Kafka consumer group, partitioned by job).
import { countingHandler, runApp, startConsumerApp } from '@caravan/runtime';

runApp('scheduler', (config, logger) =>
  startConsumerApp(
    'scheduler',
    config,
    [
      {
        name: 'scheduler',
        categories: ['evaluation', 'node'],
        handler: countingHandler('scheduler', 'scheduler'),
      },
    ],
    logger,
  ),
);
