export * from './event-store.types';
export * from './event-store.errors';
export { PostgresEventStore, EventStoreOptions } from './postgres-event-store';
export { CheckpointStore } from './checkpoint-store';
export { LeaderElection, LeaderElectionOptions } from './leader-election';
export { createPool } from './pg-pool';
export { decideAndAppend, type StreamDecider, type DecisionOutcome } from './decide-and-append';
