import { createTestDatabase, TestDatabase } from '@caravan/testkit';
import { PostgresEventStore, type NewEvent, type StreamAppend } from '@caravan/event-store';
import { event } from './event-store.int-fixture';
import { holdHorizon, mismatches, type Acknowledged } from './append-truth.int-fixture';

// Invariant 1 of the README: append() resolves with the log indexes es_log holds for its events.
// The interleavings that broke it: groups whose positions interleave in one sequencing pass
// (several group transactions in flight, across two store instances, beside slow transactions),
// and a reader waiting on the same unstamped position as its appender while the horizon is held.

describe('what append() tells its caller', () => {
  let db: TestDatabase;
  const stores: PostgresEventStore[] = [];
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await db.drop();
  });
  const open = async (options: Parameters<typeof PostgresEventStore.open>[1]) => {
    const store = await PostgresEventStore.open(db.url, options);
    stores.push(store);
    return store;
  };

  it('24 writers on two stores, multi-stream appends and slow transactions: every result is right', async () => {
    const a = await open({ poolSize: 12, appendConcurrency: 4 });
    const b = await open({ poolSize: 12, appendConcurrency: 3 });
    const acknowledged: Acknowledged[] = [];
    const writer = async (w: number) => {
      const store = w % 2 === 0 ? a : b;
      for (let i = 0; i < 120; i++) {
        const mine = [event(), ...(i % 3 === 0 ? [event()] : [])];
        const shared = [event()];
        const appends: StreamAppend[] = [
          { stream: ref(`w-${w}`), expectedVersion: 'any', events: mine },
          { stream: ref(`shared-${i % 5}`), expectedVersion: 'any', events: shared },
        ];
        const result = await store.append(appends);
        acknowledged.push({ events: [...mine, ...shared], result });
      }
    };
    // Slow transactions hold the horizon for a moment, so passes stamp many groups at once.
    const slow = async (k: number) => {
      for (let i = 0; i < 15; i++) {
        const events: NewEvent[] = [event(), event()];
        const { appended } = await a.transaction(async (tx) => {
          await tx.append({ stream: ref(`slow-${k}`), expectedVersion: 'any', events });
          await tx.client.query('select pg_sleep(0.03)');
        });
        acknowledged.push({ events, result: appended! });
      }
    };
    await Promise.all([
      ...Array.from({ length: 24 }, (_, w) => writer(w)),
      ...Array.from({ length: 3 }, (_, k) => slow(k)),
    ]);

    expect(acknowledged).toHaveLength(24 * 120 + 3 * 15);
    expect(await mismatches(db.url, acknowledged)).toEqual([]);
  }, 120_000);

  it('readers of the same streams never steal an appender index while the horizon is held', async () => {
    const store = await open({ poolSize: 20, appendConcurrency: 4, indexTimeoutMs: 10_000 });
    const holder = await holdHorizon(db.url);
    const released = (async () => {
      await new Promise((r) => setTimeout(r, 3000));
      await holder.release();
    })();
    const acknowledged: Acknowledged[] = [];
    const failures: unknown[] = [];
    let reading = true;
    const writer = async (w: number) => {
      for (let i = 0; i < 8; i++) {
        const events = [event(), event()];
        await store
          .append({ stream: ref(`s-${w % 4}`), expectedVersion: 'any', events })
          .then((result) => acknowledged.push({ events, result }))
          .catch((error: unknown) => failures.push(error));
      }
    };
    const reader = async (r: number) => {
      while (reading) await store.readStream(`s-${r % 4}`).catch((e: unknown) => failures.push(e));
    };
    const readers = Array.from({ length: 8 }, (_, r) => reader(r));
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    reading = false;
    await Promise.all([...readers, released]);

    expect(failures.map(String)).toEqual([]);
    expect(acknowledged).toHaveLength(64);
    expect(await mismatches(db.url, acknowledged)).toEqual([]);
  }, 60_000);
});

function ref(id: string): StreamAppend['stream'] {
  return { id, category: 'test', partitionKey: id };
}
