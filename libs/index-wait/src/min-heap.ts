/** A binary min-heap keyed by a number; the waiters of the lowest index come out first. */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly key: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let k = items.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (this.key(items[parent]!) <= this.key(items[k]!)) break;
      [items[parent], items[k]] = [items[k]!, items[parent]!];
      k = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let k = 0;
    for (;;) {
      const left = 2 * k + 1;
      const right = left + 1;
      let least = k;
      if (left < items.length && this.key(items[left]!) < this.key(items[least]!)) least = left;
      if (right < items.length && this.key(items[right]!) < this.key(items[least]!)) least = right;
      if (least === k) return top;
      [items[least], items[k]] = [items[k]!, items[least]!];
      k = least;
    }
  }

  /** Removes every item; the caller settles them. */
  drain(): T[] {
    return this.items.splice(0, this.items.length);
  }
}
