import type { RecordedEvent } from '@caravan/event-store';

// The consumer-side port. Two transports implement it (Kafka consumer group, store tail) with
// one contract, stated in libs/messaging/README.md:
//   - per (category, partition key), events arrive in log order;
//   - at least once: after a crash or a handler failure, events are delivered again;
//   - a position (Kafka offset, checkpoint) is committed only after the handler resolved for
//     that event and every earlier one, so the handler's effects must be durable when it resolves;
//   - handlers dedupe by event id or log index.

/** Handles one event. Resolve only once its effects are durable; throw to have it redelivered. */
export type EventHandler = (event: RecordedEvent) => Promise<void>;

export interface SubscriptionOptions {
  /** durable identity: Kafka consumer group id, or checkpoint and leadership name */
  name: string;
  /** stream categories to receive (`job`, `evaluation`, ...) */
  categories: readonly string[];
  handler: EventHandler;
  /** told about handler failures (the event is retried) and transport failures */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** stops delivering; waits for the handler call in progress and commits what it finished */
  stop(): Promise<void>;
}

export interface Subscriber {
  readonly transport: 'kafka' | 'store-tail';
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
}
