import { IndexGate } from '@caravan/index-wait';
import type { LogEvent, SchedulingState } from './scheduling-state';

// Keeps a SchedulingState current by following the log: woken by the store's head
// notifications, and by a slow poll in case a notification was missed (they are only
// wake-ups). One catch-up loop at a time; the gate opens for waiters as batches land.

/** What the follower needs from the event store (PostgresEventStore fits). */
export interface LogSource {
  readLog(afterIndex: number, limit: number): Promise<LogEvent[]>;
  onLogAdvanced(listener: (headIndex: number) => void): () => void;
}

export interface StateFollowerOptions {
  batchSize?: number;
  /** how often to look for events without a notification */
  pollIntervalMs?: number;
  /** a failed read is retried after this long; the error goes here */
  onError?: (error: unknown) => void;
  retryDelayMs?: number;
}

export class SchedulingStateFollower {
  private readonly gate: IndexGate;
  private unsubscribe: (() => void) | undefined;
  private poller: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly source: LogSource,
    readonly state: SchedulingState,
    private readonly options: StateFollowerOptions = {},
  ) {
    this.gate = new IndexGate(state.index);
  }

  /** Subscribes, then catches up with everything already in the log before resolving. */
  async start(): Promise<void> {
    this.unsubscribe = this.source.onLogAdvanced(() => this.kick());
    this.poller = setInterval(() => this.kick(), this.options.pollIntervalMs ?? 1_000);
    this.poller.unref();
    this.kick();
    await this.running;
  }

  get index(): number {
    return this.state.index;
  }

  /**
   * Nomad's SnapshotMinIndex: resolves once the state has applied `index` (then take a
   * snapshot synchronously); rejects with IndexWaitTimeoutError after `timeoutMs`.
   */
  waitForIndex(index: number, timeoutMs: number): Promise<number> {
    if (this.state.index < index) this.kick();
    return this.gate.waitForIndex(index, timeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    clearInterval(this.poller);
    this.gate.close();
    await this.running?.catch(() => undefined);
  }

  /** Starts a catch-up, or asks the running one to go round once more. */
  private kick(): void {
    if (this.closed) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    // A fold that throws is a bug (or a gap): report it and try again on the next wake-up.
    this.running = this.catchUp()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.closed) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async catchUp(): Promise<void> {
    const limit = this.options.batchSize ?? 1_000;
    for (;;) {
      let batch: LogEvent[];
      try {
        batch = await this.source.readLog(this.state.index, limit);
      } catch (error) {
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 500));
        if (this.closed) return;
        continue;
      }
      if (this.closed) return;
      for (const event of batch) this.state.apply(event);
      this.gate.advance(this.state.index);
      if (batch.length < limit) return;
    }
  }
}
