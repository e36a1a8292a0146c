import type { AppliedIndex as IndexNotification } from '@caravan/read-models';
import { WaiterHeap, type Waiter } from './waiter-heap';

interface PendingWait extends Waiter {
  heaps: WaiterHeap<PendingWait>[];
  timer: NodeJS.Timeout | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  resolve: (reached: boolean) => void;
}

/**
 * The in-memory half of the IndexHub: the latest index per read-model table and the
 * projector's applied index, plus the waiters parked on them. Indexes only move forward.
 * A waiter costs one heap slot per watched table and one timer; an advance touches only
 * the waiters it releases (heap order), never the whole population.
 */
export class IndexWaiters {
  private applied = 0;
  private readonly tables = new Map<string, number>();
  private readonly tableHeaps = new Map<string, WaiterHeap<PendingWait>>();
  private readonly appliedHeap = new WaiterHeap<PendingWait>();
  private pending = 0;

  get appliedIndex(): number {
    return this.applied;
  }
  /** Number of parked waiters. */
  get waiting(): number {
    return this.pending;
  }
  tableIndex(table: string): number {
    return this.tables.get(table) ?? 0;
  }
  maxIndex(tables: readonly string[]): number {
    let max = 0;
    for (const t of tables) max = Math.max(max, this.tableIndex(t));
    return max;
  }

  advance(update: IndexNotification): void {
    if (update.applied > this.applied) {
      this.applied = update.applied;
      for (const w of this.appliedHeap.releaseUpTo(update.applied))
        this.settle(w, true, this.appliedHeap);
    }
    for (const [table, index] of Object.entries(update.tables)) {
      if (index <= this.tableIndex(table)) continue;
      this.tables.set(table, index);
      const heap = this.tableHeaps.get(table);
      if (heap === undefined) continue;
      for (const w of heap.releaseUpTo(index)) this.settle(w, true, heap);
    }
  }

  /**
   * Resolves with the highest index among `tables` once one of them exceeds
   * `minIndexExclusive`, or with the current value at `deadline` (epoch ms) or on abort.
   */
  async waitForTables(
    tables: readonly string[],
    minIndexExclusive: number,
    deadline: number,
    signal?: AbortSignal,
  ): Promise<number> {
    if (
      this.maxIndex(tables) <= minIndexExclusive &&
      deadline > Date.now() &&
      signal?.aborted !== true
    ) {
      const heaps = tables.map((t) => this.heapFor(t));
      await this.park(minIndexExclusive + 1, heaps, deadline - Date.now(), signal);
    }
    return this.maxIndex(tables);
  }

  /** True once the projector has applied `index`; false when `timeoutMs` passes first. */
  async waitForApplied(index: number, timeoutMs: number): Promise<boolean> {
    if (this.applied >= index) return true;
    if (timeoutMs <= 0) return false;
    return this.park(index, [this.appliedHeap], timeoutMs, undefined);
  }

  /** Releases every waiter with the current values (shutdown). */
  releaseAll(): void {
    const heaps = [this.appliedHeap, ...this.tableHeaps.values()];
    for (const heap of heaps) {
      for (const w of heap.releaseUpTo(Number.POSITIVE_INFINITY)) this.settle(w, false, heap);
    }
  }

  private heapFor(table: string): WaiterHeap<PendingWait> {
    let heap = this.tableHeaps.get(table);
    if (heap === undefined) {
      heap = new WaiterHeap<PendingWait>();
      this.tableHeaps.set(table, heap);
    }
    return heap;
  }

  private park(
    threshold: number,
    heaps: WaiterHeap<PendingWait>[],
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const w: PendingWait = {
        threshold,
        settled: false,
        heaps,
        timer: undefined,
        signal,
        onAbort: undefined,
        resolve,
      };
      w.timer = setTimeout(() => this.settle(w, false, undefined), timeoutMs);
      w.timer.unref();
      if (signal !== undefined) {
        w.onAbort = () => this.settle(w, false, undefined);
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      for (const heap of heaps) heap.push(w);
      this.pending += 1;
    });
  }

  private settle(
    w: PendingWait,
    reached: boolean,
    releasedBy: WaiterHeap<PendingWait> | undefined,
  ): void {
    if (w.settled) return;
    w.settled = true;
    this.pending -= 1;
    clearTimeout(w.timer);
    if (w.onAbort !== undefined) w.signal?.removeEventListener('abort', w.onAbort);
    for (const heap of w.heaps) if (heap !== releasedBy) heap.noteSettled();
    w.resolve(reached);
  }
}
