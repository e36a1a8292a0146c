import type { PostgresEventStore } from '@caravan/event-store';
import type { LeaderFactory } from '@caravan/messaging';
import type { Logger } from '@caravan/observability';
import { SCHEDULER_CATEGORIES, SchedulerWorker } from '@caravan/scheduler-worker';
import type { ConsumerSpec } from './event-consumers';
import type { Stoppable } from './process-lifecycle';

/**
 * The scheduler worker, either mode: migrates the capacity tables, folds the log into memory,
 * runs the delay duty under its lease, and returns the consumer to subscribe (`scheduler`:
 * evaluations keyed by job, plus node and allocation events for unblocking).
 */
export async function startSchedulerWorker(
  store: PostgresEventStore,
  leaderFor: LeaderFactory,
  logger: Logger,
): Promise<{ consumer: ConsumerSpec; parts: Stoppable[] }> {
  const log = logger.child({ component: 'scheduler' });
  const worker = await SchedulerWorker.start(store, {
    onError: (error) => log.warn({ err: error }, 'evaluation delivery failed'),
  });
  const delays = leaderFor('scheduler-delays');
  delays.start((signal) => worker.runDelayDuty(signal));
  return {
    consumer: { name: 'scheduler', categories: [...SCHEDULER_CATEGORIES], handler: worker.handle },
    // stopped last first: the subscription (started after) stops before these
    parts: [
      { name: 'scheduler state', stop: () => worker.close() },
      { name: 'scheduler delay duty', stop: () => delays.stop() },
    ],
  };
}
