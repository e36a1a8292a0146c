import { IndexWaiters } from '../index-hub/index-waiters';
import { blockingQuery, type QueryResult } from './blocking-query';

// The real in-memory waiter set stands in for the hub; run() reads a mutable "read model".
describe('blockingQuery', () => {
  const tables = ['rm_jobs'];

  function setup(initial: number) {
    const hub = new IndexWaiters();
    hub.advance({ applied: initial, tables: { rm_jobs: initial } });
    let index = initial;
    let runs = 0;
    const run = async (): Promise<QueryResult<string>> => {
      runs += 1;
      return { index, body: `v${index}` };
    };
    const publish = (next: number) => {
      index = next;
      hub.advance({ applied: next, tables: { rm_jobs: next } });
    };
    return { hub, run, publish, runs: () => runs };
  }

  it('runs once without an index', async () => {
    const s = setup(7);
    await expect(
      blockingQuery({ hub: s.hub }, { minIndex: 0, waitMs: 10 }, tables, s.run),
    ).resolves.toEqual({
      index: 7,
      body: 'v7',
    });
    expect(s.runs()).toBe(1);
  });

  it('floors the index at 1', async () => {
    const s = setup(0);
    await expect(
      blockingQuery({ hub: s.hub }, { minIndex: 0, waitMs: undefined }, tables, s.run),
    ).resolves.toEqual({
      index: 1,
      body: 'v0',
    });
  });

  it('returns at once when the data is already newer', async () => {
    const s = setup(7);
    const result = await blockingQuery(
      { hub: s.hub },
      { minIndex: 5, waitMs: 60_000 },
      tables,
      s.run,
    );
    expect(result.index).toBe(7);
    expect(s.runs()).toBe(1);
  });

  it('wakes on a newer table index and re-runs', async () => {
    const s = setup(7);
    const pending = blockingQuery({ hub: s.hub }, { minIndex: 7, waitMs: 60_000 }, tables, s.run);
    await new Promise((r) => setImmediate(r));
    s.publish(8);
    await expect(pending).resolves.toEqual({ index: 8, body: 'v8' });
    expect(s.runs()).toBe(2);
  });

  it('keeps waiting when the table moved but the result did not', async () => {
    const s = setup(7);
    let resultIndex = 7;
    const run = async () => ({ index: resultIndex, body: 'x' });
    const pending = blockingQuery({ hub: s.hub }, { minIndex: 7, waitMs: 60_000 }, tables, run);
    await new Promise((r) => setImmediate(r));
    s.hub.advance({ applied: 8, tables: { rm_jobs: 8 } }); // another job changed
    await new Promise((r) => setImmediate(r));
    expect(s.hub.waiting).toBe(1);
    resultIndex = 9;
    s.hub.advance({ applied: 9, tables: { rm_jobs: 9 } });
    await expect(pending).resolves.toEqual({ index: 9, body: 'x' });
  });

  it('returns the current data at the deadline', async () => {
    const s = setup(7);
    const started = Date.now();
    const result = await blockingQuery(
      { hub: s.hub, random: () => 0 },
      { minIndex: 7, waitMs: 30 },
      tables,
      s.run,
    );
    expect(result).toEqual({ index: 7, body: 'v7' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    // Timers may fire a millisecond before Date.now() reaches the deadline: one more run then.
    expect(s.runs()).toBeGreaterThanOrEqual(2);
  });
});
