import type { QueryResult } from './blocking-query';

/**
 * Results of large reads kept by `<request>@<table index>`: what a read returns at a given
 * table index never changes (the tables did not move in between, by the index's definition),
 * so a repeated list, or blocking lists woken one by one at the same index, are answered
 * without reading again. Bounded by total size; the least recently used goes first.
 */
export class ResultMemo {
  private readonly entries = new Map<string, { result: QueryResult<unknown>; size: number }>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get<T>(key: string): QueryResult<T> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key); // re-insert: Map order is the recency order
    this.entries.set(key, entry);
    return entry.result as QueryResult<T>;
  }

  set(key: string, result: QueryResult<unknown>, size: number): void {
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) this.total -= old.size;
    this.entries.delete(key);
    this.entries.set(key, { result, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }

  get bytes(): number {
    return this.total;
  }
}
