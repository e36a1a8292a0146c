import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@caravan/testkit';
import { NewEvent, PostgresEventStore, StreamAppend } from '@caravan/event-store';

export interface StoreFixture {
  db: TestDatabase;
  store: PostgresEventStore;
}

export async function openStoreFixture(poolSize = 10): Promise<StoreFixture> {
  const db = await createTestDatabase();
  const store = await PostgresEventStore.open(db.url, { poolSize });
  return { db, store };
}

export async function closeStoreFixture(fixture: StoreFixture | undefined): Promise<void> {
  await fixture?.store.close();
  await fixture?.db.drop();
}

export function event(type = 'Happened', data: unknown = {}): NewEvent {
  return { id: randomUUID(), type, data };
}

export function appendTo(
  id: string,
  expectedVersion: StreamAppend['expectedVersion'],
  ...events: NewEvent[]
): StreamAppend {
  return { stream: { id, category: 'test', partitionKey: id }, expectedVersion, events };
}
