import type { RecordedEvent } from '@caravan/event-store';

// What messaging needs from the event store, stated as narrow ports so the forwarder and the
// store-tail transport can be read (and tested) without the whole store. `PostgresEventStore`,
// `CheckpointStore` and `LeaderElection` from @caravan/event-store satisfy them structurally.

/** The log: every committed event in log-index order, gapless. */
export interface EventLog {
  /** committed events with logIndex > afterIndex, ascending, at most `limit` */
  readLog(afterIndex: number, limit: number): Promise<RecordedEvent[]>;
  /** push notification when the head advances; returns the unsubscribe function */
  onLogAdvanced(listener: (headIndex: number) => void): () => void;
}

/** A named reader position: the highest log index whose effects are durable. 0 = nothing read. */
export interface CheckpointPort {
  load(name: string): Promise<number>;
  save(name: string, index: number): Promise<void>;
}

/**
 * Runs a duty only while this process holds the named leadership, campaigning again whenever
 * the duty returns or fails; the signal aborts when the lease is lost or on stop(). Single use.
 */
export interface LeaderPort {
  start(duty: (signal: AbortSignal) => Promise<void>): void;
  /** aborts the duty, waits for it to return, gives up the lease */
  stop(): Promise<void>;
}

/** Builds the leadership for a name (`forwarder`, `sub:<subscription>`). */
export type LeaderFactory = (name: string) => LeaderPort;
