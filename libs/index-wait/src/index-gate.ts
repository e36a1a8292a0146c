import { MinHeap } from './min-heap';

// Nomad's SnapshotMinIndex as a reusable primitive: whoever follows the log (a scheduler's
// state, a read model's applied index) `advance`s the gate; whoever must not act on older state
// `waitForIndex`es. Indexes only move forward. A waiter costs one heap slot and one timer, and
// an advance touches only the waiters it releases.

export class IndexWaitTimeoutError extends Error {
  readonly code = 'INDEX_WAIT_TIMEOUT';
  constructor(
    readonly wanted: number,
    readonly reached: number,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for index ${wanted} (reached ${reached})`);
  }
}

export class IndexGateClosedError extends Error {
  readonly code = 'INDEX_GATE_CLOSED';
  constructor(readonly wanted: number) {
    super(`stopped waiting for index ${wanted}: the gate was closed`);
  }
}

interface Waiter {
  wanted: number;
  settled: boolean;
  timer: NodeJS.Timeout | undefined;
  resolve: (index: number) => void;
  reject: (error: Error) => void;
}

export class IndexGate {
  private current: number;
  private closed = false;
  private readonly waiters = new MinHeap<Waiter>((w) => w.wanted);

  constructor(initialIndex = 0) {
    this.current = initialIndex;
  }

  get index(): number {
    return this.current;
  }

  /** Waiters still parked (timed-out ones leave lazily, on the next advance past them). */
  get waiting(): number {
    return this.waiters.size;
  }

  advance(index: number): void {
    if (index <= this.current) return;
    this.current = index;
    for (
      let w = this.waiters.peek();
      w !== undefined && w.wanted <= index;
      w = this.waiters.peek()
    ) {
      this.waiters.pop();
      this.settle(w, () => w.resolve(index));
    }
  }

  /**
   * Resolves with the gate's index once it is at least `index`; rejects with
   * IndexWaitTimeoutError after `timeoutMs`, or IndexGateClosedError when the gate closes.
   */
  waitForIndex(index: number, timeoutMs: number): Promise<number> {
    if (this.current >= index) return Promise.resolve(this.current);
    if (this.closed) return Promise.reject(new IndexGateClosedError(index));
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = { wanted: index, settled: false, timer: undefined, resolve, reject };
      waiter.timer = setTimeout(
        () =>
          this.settle(waiter, () =>
            reject(new IndexWaitTimeoutError(index, this.current, timeoutMs)),
          ),
        Math.max(0, timeoutMs),
      );
      this.waiters.push(waiter);
    });
  }

  /** Rejects every waiter; later waits for an index not yet reached reject at once. */
  close(): void {
    this.closed = true;
    for (const w of this.waiters.drain())
      this.settle(w, () => w.reject(new IndexGateClosedError(w.wanted)));
  }

  private settle(waiter: Waiter, outcome: () => void): void {
    if (waiter.settled) return;
    waiter.settled = true;
    clearTimeout(waiter.timer);
    outcome();
  }
}
