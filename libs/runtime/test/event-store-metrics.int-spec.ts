import { Client } from 'pg';
import { Registry } from 'prom-client';
import { PostgresEventStore } from '@caravan/event-store';
import { createTestDatabase, type TestDatabase } from '@caravan/testkit';
import { registerEventStoreMetrics } from '../src/event-store-metrics';

describe('event store metrics', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.open(db.url);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('reports the age of the transaction holding the horizon, and 0 once it ends', async () => {
    const registry = new Registry();
    registerEventStoreMetrics(store, registry);
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select pg_current_xact_id()');
    await new Promise((r) => setTimeout(r, 300));
    const age = async () =>
      (await registry.getSingleMetric('caravan_event_store_horizon_age_seconds')!.get()).values[0]!
        .value;
    expect(await age()).toBeGreaterThanOrEqual(0.3);
    await holder.query('commit');
    await holder.end();
    expect(await age()).toBe(0);
  });
});
