// Consumes deployment and allocation-health events (Kafka consumer group, partitioned by job).
import { countingHandler, runApp, startConsumerApp } from '@caravan/runtime';

runApp('deployment-watcher', (config, logger) =>
  startConsumerApp(
    'deployment-watcher',
    config,
    [
      {
        name: 'deployment-watcher',
        categories: ['deployment', 'allocation'],
        handler: countingHandler('deployment-watcher', 'deployment-watcher'),
      },
    ],
    logger,
  ),
);
