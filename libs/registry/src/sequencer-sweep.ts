import { setTimeout as sleep } from 'node:timers/promises';
import { LeaderElection, type PostgresEventStore } from '@caravan/event-store';
import type { Logger } from '@caravan/observability';

// Appenders stamp their own events; this leader duty only catches events whose appender died
// between COMMIT and its sequencing pass, so readers never wait on them for long.

export function startSequencerSweep(
  store: PostgresEventStore,
  databaseUrl: string,
  logger: Logger,
  intervalMs = 250,
): LeaderElection {
  const election = new LeaderElection(databaseUrl, 'sequencer-sweep', {
    onError: (error) => logger.warn({ err: error }, 'sequencer sweep lost its lease'),
  });
  election.start(async (signal) => {
    while (!signal.aborted) {
      try {
        while ((await store.sequencePending()) > 0 && !signal.aborted);
      } catch (error) {
        logger.warn({ err: error }, 'sequencing pass failed');
      }
      await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
    }
  });
  return election;
}
