import { IndexWaiters } from './index-waiters';

// In-memory only; real timers, short deadlines.
const later = (ms: number) => Date.now() + ms;

describe('IndexWaiters', () => {
  it('only moves indexes forward', () => {
    const w = new IndexWaiters();
    w.advance({ applied: 5, tables: { rm_jobs: 5 } });
    w.advance({ applied: 3, tables: { rm_jobs: 2 } });
    expect(w.appliedIndex).toBe(5);
    expect(w.tableIndex('rm_jobs')).toBe(5);
  });

  it('resolves at once when the table is already past the index', async () => {
    const w = new IndexWaiters();
    w.advance({ applied: 5, tables: { rm_jobs: 5 } });
    await expect(w.waitForTables(['rm_jobs'], 4, later(1_000))).resolves.toBe(5);
    expect(w.waiting).toBe(0);
  });

  it('releases exactly the waiters whose threshold was passed, in any insertion order', async () => {
    const w = new IndexWaiters();
    const released: number[] = [];
    for (const min of [9, 3, 7, 1, 5])
      void w.waitForTables(['t'], min, later(10_000)).then(() => released.push(min));
    w.advance({ applied: 6, tables: { t: 6 } });
    await new Promise((r) => setImmediate(r));
    expect(released.sort((a, b) => a - b)).toEqual([1, 3, 5]);
    expect(w.waiting).toBe(2);
    w.releaseAll();
    await new Promise((r) => setImmediate(r));
    expect(w.waiting).toBe(0);
  });

  it('wakes a multi-table waiter on any of its tables, once', async () => {
    const w = new IndexWaiters();
    const wait = w.waitForTables(['a', 'b'], 0, later(10_000));
    w.advance({ applied: 2, tables: { b: 2 } });
    await expect(wait).resolves.toBe(2);
    w.advance({ applied: 3, tables: { a: 3 } });
    expect(w.waiting).toBe(0);
  });

  it('returns the current index at the deadline', async () => {
    const w = new IndexWaiters();
    w.advance({ applied: 4, tables: { t: 4 } });
    const started = Date.now();
    await expect(w.waitForTables(['t'], 4, later(30))).resolves.toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(w.waiting).toBe(0);
  });

  it('stops waiting when the signal aborts', async () => {
    const w = new IndexWaiters();
    const abort = new AbortController();
    const wait = w.waitForTables(['t'], 0, later(10_000), abort.signal);
    expect(w.waiting).toBe(1);
    abort.abort();
    await expect(wait).resolves.toBe(0);
    expect(w.waiting).toBe(0);
  });

  it('waits for the applied index with a timeout', async () => {
    const w = new IndexWaiters();
    const reached = w.waitForApplied(3, 10_000);
    w.advance({ applied: 3, tables: {} });
    await expect(reached).resolves.toBe(true);
    await expect(w.waitForApplied(4, 10)).resolves.toBe(false);
    await expect(w.waitForApplied(2, 0)).resolves.toBe(true);
  });

  it('still releases live waiters after many timed-out ones were compacted away', async () => {
    const w = new IndexWaiters();
    const stale = Array.from({ length: 1_000 }, () => w.waitForTables(['t'], 100, later(5)));
    const live = w.waitForTables(['t'], 100, later(10_000));
    await Promise.all(stale);
    expect(w.waiting).toBe(1);
    w.advance({ applied: 101, tables: { t: 101 } });
    await expect(live).resolves.toBe(101);
  });
});
