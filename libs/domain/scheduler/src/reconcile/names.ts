// Allocation names `<job>.<group>[<index>]` and the index bookkeeping Nomad's reconciler uses to
// reuse the lowest free index when placing and to remove the highest when scaling down.

export function allocName(jobId: string, group: string, index: number): string {
  return `${jobId}.${group}[${index}]`;
}

/** The `[n]` suffix of a name, or -1 when the name has none. */
export function allocIndex(name: string): number {
  const open = name.lastIndexOf('[');
  if (open < 0 || !name.endsWith(']')) return -1;
  const n = Number(name.slice(open + 1, -1));
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

export class NameIndex {
  private readonly used = new Map<number, number>();

  constructor(
    private readonly jobId: string,
    private readonly group: string,
    private readonly count: number,
    names: Iterable<string>,
  ) {
    for (const name of names) this.set(allocIndex(name));
  }

  /** Used by more than one allocation (the generic scheduler renames such a placement). */
  isDuplicate(index: number): boolean {
    return (this.used.get(index) ?? 0) > 1;
  }

  set(index: number): void {
    if (index >= 0) this.used.set(index, (this.used.get(index) ?? 0) + 1);
  }

  unset(index: number): void {
    const n = this.used.get(index) ?? 0;
    if (n <= 1) this.used.delete(index);
    else this.used.set(index, n - 1);
  }

  /**
   * The `n` lowest unused names below count, marking them used. When fewer are free it wraps
   * around from 0 and hands out duplicates, as Nomad does.
   */
  next(n: number): string[] {
    const names: string[] = [];
    for (let i = 0; i < this.count && names.length < n; i++) {
      if (this.used.has(i)) continue;
      this.set(i);
      names.push(allocName(this.jobId, this.group, i));
    }
    for (let i = 0; names.length < n; i = (i + 1) % Math.max(this.count, 1)) {
      this.set(i);
      names.push(allocName(this.jobId, this.group, i));
    }
    return names;
  }

  /** The `n` highest used indexes (scale-down removes these first). */
  highest(n: number): Set<number> {
    const sorted = [...this.used.keys()].sort((a, b) => b - a);
    return new Set(sorted.slice(0, n));
  }
}
