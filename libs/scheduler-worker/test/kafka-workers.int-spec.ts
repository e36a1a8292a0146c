import { PostgresEventStore } from '@caravan/event-store';
import {
  eventStorePorts,
  Forwarder,
  KafkaClient,
  KafkaSubscriber,
  type Subscription,
} from '@caravan/messaging';
import {
  replayScheduler,
  SCHEDULER_CATEGORIES,
  SchedulerWorker,
  migrateSchedulerWorker,
} from '@caravan/scheduler-worker';
import {
  createTestDatabase,
  kafkaBrokers,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@caravan/testkit';
import {
  evaluations,
  liveAllocations,
  readAll,
  registerJob,
  registerNodes,
  usageByNode,
  usageTable,
} from './worker.int-fixture';

// Three scheduler workers, each with its own store connection and in-memory state, share one
// Kafka consumer group over the forwarded log and schedule 200 jobs competing for 12 small
// nodes. The capacity guard, not luck, keeps every node within capacity; the log is the truth.

const NODE = { cpu: 1000, mem: 1024, disk: 10_000 };
const JOBS = 200;

let db: TestDatabase;
let store: PostgresEventStore;
let forwarder: Forwarder;
const workers: { store: PostgresEventStore; worker: SchedulerWorker; sub: Subscription }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open(db.url, { poolSize: 8 });
  await migrateSchedulerWorker(store.pool);
  const topicPrefix = `${uniqueName('sched')}.`;
  const kafka = new KafkaClient({
    brokers: kafkaBrokers(),
    clientId: 'sched-test',
    logLevel: 'nothing',
  });
  const ports = eventStorePorts(store, db.url, { retryMs: 100 });
  forwarder = new Forwarder(
    { ...ports, leader: ports.leaderFor('forwarder'), kafka },
    { topicPrefix, partitions: 6, pollIntervalMs: 200 },
  );
  await forwarder.start();
  const group = uniqueName('scheduler');
  for (let k = 0; k < 3; k++) {
    const own = await PostgresEventStore.open(db.url, { poolSize: 4 });
    const worker = await SchedulerWorker.start(own, { nackDelaysMs: () => 50 });
    const sub = await new KafkaSubscriber(kafka, { topicPrefix, partitions: 6 }).subscribe({
      name: group,
      categories: SCHEDULER_CATEGORIES,
      handler: worker.handle,
    });
    workers.push({ store: own, worker, sub });
  }
}, 120_000);

afterAll(async () => {
  for (const w of workers) {
    await w.sub.stop();
    await w.worker.close();
    await w.store.close();
  }
  await forwarder?.stop();
  await store?.close();
  await db?.drop();
}, 60_000);

describe('three scheduler workers on one Kafka topic', () => {
  it('schedule 200 jobs on scarce nodes: never over capacity, names once, every evaluation settled', async () => {
    const nodes = await registerNodes(store, 12, NODE);
    // 200 jobs × 1–3 allocations of 300 MHz: about 400 asked, 36 fit (3 per node)
    for (let j = 0; j < JOBS; j++) await registerJob(store, `job-${j}`, 1 + (j % 3), 300);

    const settled = await waitFor(
      async () => {
        const evals = await evaluations(store);
        const open = evals.filter((e) => e.status === 'pending' || e.unblocked);
        return evals.length >= JOBS && open.length === 0 ? evals : undefined;
      },
      { timeoutMs: 150_000, intervalMs: 1_000, message: 'every evaluation terminal or blocked' },
    );
    expect(settled.filter((e) => e.status === 'pending')).toEqual([]);
    expect(
      settled.every((e) => ['complete', 'blocked', 'canceled', 'failed'].includes(e.status)),
    ).toBe(true);

    const events = await readAll(store);
    const live = liveAllocations(events);
    expect(live.length).toBe(36);
    const byNode = usageByNode(live);
    for (const node of nodes) {
      const used = byNode.get(node.ID) ?? { cpu: 0, mem: 0 };
      expect(used.cpu).toBeLessThanOrEqual(NODE.cpu);
      expect(used.mem).toBeLessThanOrEqual(NODE.mem);
    }
    expect(await usageTable(store)).toEqual(byNode);
    const names = events
      .filter((e) => e.type === 'AllocationPlaced')
      .map((e) => (e.data as { allocation: { Name: string } }).allocation.Name);
    expect(new Set(names).size).toBe(names.length);
    // jobs that could not fit wait in exactly one blocked evaluation each
    const blocked = settled.filter((e) => e.status === 'blocked');
    expect(new Set(blocked.map((e) => e.jobId)).size).toBe(blocked.length);
    expect(blocked.length).toBeGreaterThan(0);
    const descriptions = new Set(settled.map((e) => e.status));
    expect(descriptions.has('complete')).toBe(true);

    const report = await replayScheduler(store);
    expect(report.differences).toEqual([]);
    expect(report.identical).toBeGreaterThan(JOBS / 2);
  }, 200_000);
});
