import type { RecordedEvent } from '@caravan/event-store';
import { sleep } from '@caravan/async';
import { LogWakeup, backoffMs } from '../log-wakeup';
import { SubscriptionHandlerError } from '../messaging.errors';
import type { CheckpointPort, EventLog, LeaderFactory } from '../messaging.ports';
import type { Subscriber, Subscription, SubscriptionOptions } from './subscription.types';

export interface StoreTailSubscriberOptions {
  /** events read from the log per step (default 256) */
  batchSize?: number;
  /** safety-net poll when no log notification arrives (default 5000 ms) */
  pollIntervalMs?: number;
}

export interface StoreTailDeps {
  log: EventLog;
  checkpoints: CheckpointPort;
  leaderFor: LeaderFactory;
}

/** Checkpoint and leadership name of a store-tail subscription. */
export function storeTailName(subscription: string): string {
  return `sub:${subscription}`;
}

/**
 * Transport B, for the embedded mode: reads the log itself from a checkpoint, skips other
 * categories, and saves the checkpoint after the handler resolved. One instance per name runs at
 * a time (leadership `sub:<name>`). It delivers in total log order, which is stronger than the
 * contract (per category and partition key); handlers must not rely on the difference.
 */
export class StoreTailSubscriber implements Subscriber {
  readonly transport = 'store-tail';

  constructor(
    private readonly deps: StoreTailDeps,
    private readonly options: StoreTailSubscriberOptions = {},
  ) {}

  async subscribe(subscription: SubscriptionOptions): Promise<Subscription> {
    const leader = this.deps.leaderFor(storeTailName(subscription.name));
    // Our own stop switch besides the lease's signal: a stop() that races with winning the lease
    // must still end the duty (LeaderElection cannot abort a duty that had not started yet).
    const stopping = new AbortController();
    leader.start((lease) =>
      this.tailWhileLeader(subscription, AbortSignal.any([lease, stopping.signal])),
    );
    return {
      stop: async () => {
        stopping.abort();
        await leader.stop();
      },
    };
  }

  private async tailWhileLeader(
    subscription: SubscriptionOptions,
    signal: AbortSignal,
  ): Promise<void> {
    const wakeup = new LogWakeup(this.deps.log);
    let failures = 0;
    try {
      while (!signal.aborted) {
        try {
          const read = await this.step(subscription, signal);
          failures = 0;
          if (read === 0) await wakeup.wait(this.options.pollIntervalMs ?? 5000, signal);
        } catch (error) {
          subscription.onError?.(error);
          failures += 1;
          await sleep(backoffMs(failures), signal);
        }
      }
    } finally {
      wakeup.close();
    }
  }

  /** Reads one batch, hands its events to the handler, saves how far it got; returns events read. */
  private async step(
    { name, categories, handler }: SubscriptionOptions,
    signal: AbortSignal,
  ): Promise<number> {
    const checkpointName = storeTailName(name);
    const wanted = new Set(categories);
    const checkpoint = await this.deps.checkpoints.load(checkpointName);
    const events = await this.deps.log.readLog(checkpoint, this.options.batchSize ?? 256);
    let done = checkpoint;
    try {
      for (const event of events) {
        if (signal.aborted) break;
        if (wanted.has(event.category)) await callHandler(name, handler, event);
        done = event.logIndex;
      }
    } finally {
      // Also after a failure: the events before it are done, the failed one is read again.
      if (done > checkpoint) await this.deps.checkpoints.save(checkpointName, done);
    }
    return events.length;
  }
}

async function callHandler(
  name: string,
  handler: SubscriptionOptions['handler'],
  event: RecordedEvent,
) {
  try {
    await handler(event);
  } catch (error) {
    throw new SubscriptionHandlerError(name, event.logIndex, error);
  }
}
