import { Pool } from 'pg';
import { IndexWaitTimeoutError } from './event-store.errors';
import { findHorizonHolder } from './horizon';
import { LogIndexListener } from './log-index-listener';
import { LogSequencer } from './log-sequencer';
import { sleep } from '@caravan/async';

// How a writer or reader learns the log index of committed events: from es_log rows, by their
// positions. Rows arrive two ways: a group commit reads back what its own pass stamped (which
// often includes other groups of this process still waiting), and lookups. Everyone waiting
// registers a waiter per position (several may wait on one position: an appender and a reader
// of the same stream); one lookup at a time per process reads every waited-for position and
// resolves all the waiters it can. Lookups run when the head moves (a notification or a pass),
// and on a backoff schedule in case a notification was lost. Stamps never change once written,
// so recent ones are remembered for a waiter that registers just after they arrived.

type Waiter = (index: number) => void;

const RETRY_DELAYS_MS = [2, 5, 10, 20, 40, 50, 100];
const REMEMBERED = 20_000;

export class IndexResolver {
  private readonly waiting = new Map<number, Set<Waiter>>();
  private readonly recent = new Map<number, number>();
  private learning = false;
  private lookupRunning = false;
  private lookupAgain = false;

  constructor(
    private readonly pool: Pool,
    private readonly listener: LogIndexListener,
    private readonly sequencer: LogSequencer,
    private readonly timeoutMs: number,
  ) {
    listener.onHead(() => {
      // A head this resolver just learnt from rows it read brings nothing new to look up.
      if (this.learning || this.waiting.size === 0) return;
      // A failed lookup is retried by each waiter's own schedule.
      this.lookupWaiting().catch(() => undefined);
    });
  }

  /** Positions' indexes, in order. `known` holds those already learnt (the append's read-back). */
  async indexesOf(positions: number[], known = new Map<number, number>()): Promise<number[]> {
    const found = new Map<number, number>();
    for (const p of positions) {
      const index = known.get(p) ?? this.recent.get(p);
      if (index !== undefined) found.set(p, index);
    }
    if (found.size === positions.length) return positions.map((p) => found.get(p)!);

    const unsubscribes: (() => void)[] = [];
    const done = new Promise<void>((resolve) => {
      for (const position of positions.filter((p) => !found.has(p))) {
        unsubscribes.push(
          this.subscribe(position, (index) => {
            found.set(position, index);
            if (found.size === positions.length) resolve();
          }),
        );
      }
    });
    try {
      await this.retryUntil(done, () => found.size === positions.length);
      return positions.map((p) => found.get(p)!);
    } catch (error) {
      if (!(error instanceof DeadlinePassed)) throw error;
      const blocker = await findHorizonHolder(this.pool).catch(() => null);
      throw new IndexWaitTimeoutError(
        positions.filter((p) => !found.has(p)),
        blocker,
      );
    } finally {
      for (const unsubscribe of unsubscribes) unsubscribe();
    }
  }

  /** Records [position, log index] pairs read from es_log and resolves their waiters. */
  learn(stamps: Iterable<[number, number]>): void {
    let highest = 0;
    for (const [position, index] of stamps) {
      this.recent.set(position, index);
      highest = Math.max(highest, index);
      for (const waiter of [...(this.waiting.get(position) ?? [])]) waiter(index);
    }
    // Rows this process read: the log's head is at least their highest index.
    this.learning = true;
    try {
      this.listener.advance(highest);
    } finally {
      this.learning = false;
    }
    for (const oldest of this.recent.keys()) {
      if (this.recent.size <= REMEMBERED) break;
      this.recent.delete(oldest);
    }
  }

  private async retryUntil(done: Promise<void>, complete: () => boolean): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 0; !complete(); attempt++) {
      // Our events may wait behind an older transaction, or the pass that could stamp them
      // may have run before they committed: ask for a pass, then read es_log.
      // Errors (PostgreSQL briefly unreachable) only delay: the events are committed.
      await this.sequencer.requestPass().catch(() => 0);
      await this.lookupWaiting().catch(() => undefined);
      if (complete()) return;
      if (Date.now() > deadline) throw new DeadlinePassed();
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      await Promise.race([done, sleep(delay)]);
    }
  }

  private subscribe(position: number, waiter: Waiter): () => void {
    let set = this.waiting.get(position);
    if (!set) this.waiting.set(position, (set = new Set()));
    set.add(waiter);
    return () => {
      set.delete(waiter);
      if (set.size === 0 && this.waiting.get(position) === set) this.waiting.delete(position);
    };
  }

  /** One lookup in flight per process; a request made meanwhile runs once more after it. */
  private lookupWaiting(): Promise<void> {
    if (this.lookupRunning) {
      this.lookupAgain = true;
      return this.inFlight;
    }
    this.lookupRunning = true;
    this.inFlight = this.runLookups().finally(() => (this.lookupRunning = false));
    return this.inFlight;
  }

  private inFlight: Promise<void> = Promise.resolve();

  private async runLookups(): Promise<void> {
    do {
      this.lookupAgain = false;
      const positions = [...this.waiting.keys()];
      if (positions.length === 0) return;
      const { rows } = await this.pool.query<{ log_index: number; global_position: number }>(
        'select log_index, global_position from es_log where global_position = any($1::bigint[])',
        [positions],
      );
      this.learn(rows.map((row): [number, number] => [row.global_position, row.log_index]));
    } while (this.lookupAgain);
  }
}

class DeadlinePassed extends Error {}
