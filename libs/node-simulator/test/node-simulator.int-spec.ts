import { PostgresEventStore } from '@caravan/event-store';
import { NodeSimulator } from '@caravan/node-simulator';
import { createTestDatabase, type TestDatabase } from '@caravan/testkit';

describe('node simulator', () => {
  let db: TestDatabase | undefined;
  let store: PostgresEventStore | undefined;
  afterEach(async () => {
    await store?.close();
    await db?.drop();
  });

  it('registers its nodes once, and again after a restart changes nothing', async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.open(db.url);
    const options = { simulatorId: 'sim-a', nodeCount: 3, datacenter: 'dc1' };
    await new NodeSimulator(store, options).start(false);
    await new NodeSimulator(store, options).start(false);

    const log = await store.readLog(0, 100);
    expect(log.map((e) => e.type)).toEqual(['NodeRegistered', 'NodeRegistered', 'NodeRegistered']);
    const ids = log.map((e) => (e.data as { node: { ID: string } }).node.ID);
    expect(new Set(ids).size).toBe(3);
    expect(
      ids.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
  });
});
