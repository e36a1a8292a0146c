import {
  DuplicateEventError,
  PostgresEventStore,
  WrongExpectedVersionError,
} from '@caravan/event-store';
import {
  appendTo,
  closeStoreFixture,
  event,
  openStoreFixture,
  StoreFixture,
} from './event-store.int-fixture';

describe('optimistic concurrency', () => {
  let fixture: StoreFixture | undefined;
  const extraStores: PostgresEventStore[] = [];
  afterEach(async () => {
    await Promise.all(extraStores.splice(0).map((s) => s.close()));
    await closeStoreFixture(fixture);
  });

  async function race(
    stores: PostgresEventStore[],
    attempts: number,
    expected: 'no_stream' | number,
  ) {
    return Promise.allSettled(
      Array.from({ length: attempts }, (_, k) =>
        stores[k % stores.length]!.append(appendTo('contested', expected, event('Tried', { k }))),
      ),
    );
  }

  it('lets exactly one of 16 concurrent appends with the same expected version win', async () => {
    fixture = await openStoreFixture();
    for (let k = 0; k < 3; k++) extraStores.push(await PostgresEventStore.open(fixture.db.url));
    const stores = [fixture.store, ...extraStores];
    await fixture.store.append(appendTo('contested', 'no_stream', event(), event(), event()));

    const results = await race(stores, 16, 3);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures).toHaveLength(15);
    for (const failure of failures) {
      expect(failure.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((failure.reason as WrongExpectedVersionError).actual).toBe(4);
    }
    expect((await fixture.store.readStream('contested')).version).toBe(4);
  });

  it('lets exactly one of 16 concurrent stream creations win', async () => {
    fixture = await openStoreFixture();
    extraStores.push(await PostgresEventStore.open(fixture.db.url));
    const results = await race([fixture.store, ...extraStores], 16, 'no_stream');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await fixture.store.readStream('contested')).events).toHaveLength(1);
  });

  it('rejects a wrong version without writing any stream of the same command', async () => {
    fixture = await openStoreFixture();
    const { store } = fixture;
    await store.append(appendTo('b', 'no_stream', event()));
    const attempt = store.append([appendTo('a', 'no_stream', event()), appendTo('b', 0, event())]);
    await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await store.readStream('a')).version).toBe(0);
    expect((await store.readStream('b')).version).toBe(1);
    expect(await store.headIndex()).toBe(1);
  });

  it('checks stream_exists and any', async () => {
    fixture = await openStoreFixture();
    const { store } = fixture;
    await expect(store.append(appendTo('x', 'stream_exists', event()))).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect((await store.append(appendTo('x', 'any', event(), event()))).streamVersions).toEqual([
      2,
    ]);
    expect((await store.append(appendTo('x', 'stream_exists', event()))).streamVersions).toEqual([
      3,
    ]);
  });

  it('refuses an event id twice and keeps the rest of a concurrent group', async () => {
    fixture = await openStoreFixture();
    const { store } = fixture;
    const once = event();
    await store.append(appendTo('d', 'any', once));
    const results = await Promise.allSettled([
      store.append(appendTo('d', 'any', once)),
      store.append(appendTo('e', 'any', event())),
    ]);
    expect(results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.any(DuplicateEventError),
    });
    expect(results[1].status).toBe('fulfilled');
    expect((await store.readStream('d')).version).toBe(1);
    expect(await store.headIndex()).toBe(2);
  });
});
