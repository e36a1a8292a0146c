import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type RecordedEvent } from '@caravan/event-store';
import { createTestDatabase, kafkaBrokers, uniqueName, type TestDatabase } from '@caravan/testkit';
import { eventStorePorts, type EventStorePorts } from '../src/event-store-ports';
import { KafkaClient } from '../src/kafka/kafka-client';

// One fresh database and one unique topic prefix per test, so tests sharing a broker never see
// each other's topics, groups or checkpoints.

export interface MessagingFixture {
  db: TestDatabase;
  store: PostgresEventStore;
  ports: EventStorePorts;
  kafka: KafkaClient;
  topicPrefix: string;
  close(): Promise<void>;
}

export async function openFixture(): Promise<MessagingFixture> {
  const db = await createTestDatabase();
  const store = await PostgresEventStore.open(db.url);
  return {
    db,
    store,
    ports: eventStorePorts(store, db.url, { retryMs: 100 }),
    kafka: new KafkaClient({
      brokers: kafkaBrokers(),
      clientId: 'messaging-test',
      logLevel: 'nothing',
    }),
    topicPrefix: `${uniqueName('msg')}.`,
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
}

export interface StreamSpec {
  category: string;
  key: string;
}

/**
 * Appends `rounds` rounds; each round appends to every stream in turn (one or two events), so
 * keys and categories interleave in the log. Returns the recorded log, in order.
 */
export async function appendInterleaved(
  store: PostgresEventStore,
  streams: readonly StreamSpec[],
  rounds: number,
): Promise<RecordedEvent[]> {
  for (let round = 0; round < rounds; round += 1) {
    for (const { category, key } of streams) {
      const count = (round + key.length) % 2 === 0 ? 2 : 1;
      const events = Array.from({ length: count }, (_, i) => ({
        id: randomUUID(),
        type: 'SomethingHappened',
        data: { round, i, big: 2n ** 63n - 1n },
      }));
      await store.append({
        stream: { id: `${category}-${key}`, category, partitionKey: key },
        expectedVersion: 'any',
        events,
      });
    }
  }
  return readWholeLog(store);
}

export async function readWholeLog(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readLog(all[all.length - 1]?.logIndex ?? 0, 500);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/** The log indexes delivered per (category, partition key), in delivery order. */
export function indexesByCategoryAndKey(events: readonly RecordedEvent[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const event of events) {
    const k = `${event.category}|${event.partitionKey}`;
    byKey.set(k, [...(byKey.get(k) ?? []), event.logIndex]);
  }
  return byKey;
}

export function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]!);
}

export const STREAMS: readonly StreamSpec[] = [
  { category: 'job', key: 'default/web' },
  { category: 'job', key: 'default/api' },
  { category: 'job', key: 'batch/report' },
  { category: 'evaluation', key: 'default/web' },
  { category: 'evaluation', key: 'batch/report' },
  { category: 'node', key: 'node-1' },
];
