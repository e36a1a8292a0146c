/** A waiter is released once the watched index reaches `threshold`. */
export interface Waiter {
  threshold: number;
  settled: boolean;
}

/**
 * Binary min-heap on `threshold`. Waiters that settle for another reason (deadline, abort,
 * another table) stay in place and are skipped when popped; `compact` drops them in bulk so
 * a long run of timeouts cannot grow the heap without bound.
 */
export class WaiterHeap<W extends Waiter> {
  private items: W[] = [];
  private settledInside = 0;

  get size(): number {
    return this.items.length;
  }

  push(w: W): void {
    this.items.push(w);
    this.siftUp(this.items.length - 1);
  }

  /** Pops and returns every live waiter with threshold <= index. */
  releaseUpTo(index: number): W[] {
    const out: W[] = [];
    while (this.items.length > 0 && this.items[0]!.threshold <= index) {
      const top = this.pop();
      if (top.settled) this.settledInside = Math.max(0, this.settledInside - 1);
      else out.push(top);
    }
    return out;
  }

  /** Tells the heap one of its waiters settled elsewhere. */
  noteSettled(): void {
    this.settledInside += 1;
    if (this.items.length > 256 && this.settledInside * 2 > this.items.length) this.compact();
  }

  compact(): void {
    this.items = this.items.filter((w) => !w.settled);
    this.settledInside = 0;
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private pop(): W {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const items = this.items;
    const item = items[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.threshold <= item.threshold) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }

  private siftDown(i: number): void {
    const items = this.items;
    const n = items.length;
    const item = items[i]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && items[right]!.threshold < items[left]!.threshold ? right : left;
      if (items[child]!.threshold >= item.threshold) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = item;
  }
}
