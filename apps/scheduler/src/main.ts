// Schedules evaluations: a Kafka consumer group partitioned by job (evaluations), plus node and
// allocation events for unblocking; the state is the log folded in memory.
import { eventStorePorts } from '@caravan/messaging';
import { runApp, startConsumerApp, startSchedulerWorker } from '@caravan/runtime';

runApp('scheduler', (config, logger) =>
  startConsumerApp(
    'scheduler',
    config,
    async (store) => {
      const leaderFor = eventStorePorts(store, config.databaseUrl).leaderFor;
      const scheduler = await startSchedulerWorker(store, leaderFor, logger);
      return { consumers: [scheduler.consumer], parts: scheduler.parts };
    },
    logger,
  ),
);
