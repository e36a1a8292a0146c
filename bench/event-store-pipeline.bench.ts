import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CheckpointStore, LeaderElection, type PostgresEventStore } from '@caravan/event-store';
import { Forwarder, KafkaClient } from '@caravan/messaging';
import {
  createReadModelDataSource,
  ensureReadModelSchema,
  ProjectorRunner,
} from '@caravan/read-models';
import { closedLoop } from './bench-load';
import { percentile, type BenchRow } from './bench-report';

/** Publishes the whole log (everything the append runs wrote) to Kafka from checkpoint 0. */
export async function forwarderThroughput(
  store: PostgresEventStore,
  url: string,
  brokers?: string,
): Promise<BenchRow> {
  if (!brokers)
    return { name: 'forwarder log -> Kafka', value: NaN, unit: 'events/s', note: 'no Kafka' };
  const head = await store.headIndex();
  const checkpoints = new CheckpointStore(store.pool);
  const kafka = new KafkaClient({ brokers: brokers.split(','), clientId: 'caravan-bench' });
  const forwarder = new Forwarder(
    { log: store, checkpoints, leader: new LeaderElection(url, 'forwarder'), kafka },
    { topicPrefix: `bench-${Date.now()}.`, partitions: 12, batchSize: 1000 },
  );
  const started = performance.now();
  await forwarder.start();
  while ((await checkpoints.load('forwarder')) < head) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  await forwarder.stop();
  return {
    name: 'forwarder log -> Kafka',
    value: head / seconds,
    unit: 'events/s',
    note: `${head} events`,
  };
}

/**
 * Time from an append resolving to the read models having applied its index (the projector's
 * NOTIFY), under 16 writers. This is the read-your-writes wait a command pays.
 */
export async function projectionLag(
  store: PostgresEventStore,
  url: string,
  seconds: number,
): Promise<BenchRow[]> {
  const dataSource = createReadModelDataSource(url);
  await dataSource.initialize();
  await ensureReadModelSchema(dataSource);
  const projector = new ProjectorRunner(store, dataSource, { databaseUrl: url, batchSize: 1000 });
  projector.start();
  await projector.catchUp();
  const listener = new Client({ connectionString: url });
  await listener.connect();
  await listener.query('LISTEN caravan_index');
  const pending: { index: number; at: number }[] = [];
  const lags: number[] = [];
  let lastApplied = 0;
  listener.on('notification', (message) => {
    const applied = (JSON.parse(message.payload ?? '{}') as { applied?: number }).applied ?? 0;
    lastApplied = Math.max(lastApplied, applied);
    const now = performance.now();
    while (pending.length > 0 && pending[0]!.index <= applied) lags.push(now - pending.shift()!.at);
  });
  try {
    await closedLoop(16, seconds, async (w, i) => {
      const { lastIndex } = await store.append({
        stream: { id: `lag-${w}`, category: 'bench', partitionKey: `lag-${w}` },
        expectedVersion: 'any',
        events: [{ id: randomUUID(), type: 'BenchHappened', data: { w, i } }],
      });
      // Already applied before the append's caller resumed: no wait at all.
      if (lastIndex <= lastApplied) lags.push(0);
      else insertSorted(pending, { index: lastIndex, at: performance.now() });
    });
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await listener.end();
    await projector.stop();
    await dataSource.destroy();
  }
  lags.sort((a, b) => a - b);
  return [
    {
      name: 'log -> projection lag p50',
      value: percentile(lags, 50),
      unit: 'ms',
      note: `${lags.length} appends`,
    },
    { name: 'log -> projection lag p99', value: percentile(lags, 99), unit: 'ms' },
  ];
}

function insertSorted(
  list: { index: number; at: number }[],
  item: { index: number; at: number },
): void {
  let k = list.length;
  while (k > 0 && list[k - 1]!.index > item.index) k--;
  list.splice(k, 0, item);
}
