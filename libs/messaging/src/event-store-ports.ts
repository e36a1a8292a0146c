import { CheckpointStore, LeaderElection, type PostgresEventStore } from '@caravan/event-store';
import type { CheckpointPort, EventLog, LeaderFactory } from './messaging.ports';

export interface EventStorePorts {
  log: EventLog;
  checkpoints: CheckpointPort;
  leaderFor: LeaderFactory;
}

/** The messaging ports backed by the PostgreSQL event store (leases need their own connections). */
export function eventStorePorts(
  store: PostgresEventStore,
  databaseUrl: string,
  leadership: { retryMs?: number; onError?: (error: unknown) => void } = {},
): EventStorePorts {
  return {
    log: store,
    checkpoints: new CheckpointStore(store.pool),
    leaderFor: (name) => new LeaderElection(databaseUrl, name, leadership),
  };
}
