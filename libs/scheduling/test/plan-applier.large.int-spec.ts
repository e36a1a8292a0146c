import { performance } from 'node:perf_hooks';
import { createTestDatabase, type TestDatabase } from '@caravan/testkit';
import { PostgresEventStore } from '@caravan/event-store';
import { applyPlan, migrateCapacity, type NodeCapacity } from '@caravan/scheduling';
import { createEvaluation, placement, plan } from './plan.int-fixture';
import { liveAllocations, usageFromEvents, usageTable } from './truth.int-fixture';

// Large plans stay one short transaction: a count-1,000 job over 500 nodes commits whole, and
// the table equals the events. Prints how long the commit took (a rough figure on a shared
// machine, not a benchmark).

const NODES = 500;
const COUNT = 1_000;

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open(db.url, { poolSize: 4 });
  await migrateCapacity(store.pool);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

it('commits a 1,000-placement plan over 500 nodes whole, matching its events', async () => {
  const nodes: NodeCapacity[] = Array.from({ length: NODES }, (_, k) => ({
    nodeId: `big-${k}`,
    cpuShares: 4000,
    memoryMB: 8192,
    diskMB: 100_000,
    sourceIndex: 1,
  }));
  const evalId = await createEvaluation(store, 'big');
  const placements = Array.from({ length: COUNT }, (_, i) =>
    placement(evalId, 'big', i, `big-${i % NODES}`, {
      cpu: 100,
      mem: 256,
      disk: 300,
      port: 20000 + i,
    }),
  );
  const started = performance.now();
  const result = await applyPlan(store, plan(evalId, 'big', nodes, { placements }));
  const ms = performance.now() - started;
  expect(result).toMatchObject({ committed: true, claimed: COUNT });
  process.stdout.write(
    `[plan-applier] ${COUNT} placements on ${NODES} nodes committed in ${ms.toFixed(0)} ms ` +
      `(${((COUNT / ms) * 1000).toFixed(0)} placements/s, one transaction)\n`,
  );
  const truth = usageFromEvents(await liveAllocations(store.pool));
  const table = await usageTable(store.pool);
  expect(table.size).toBe(NODES);
  for (const [nodeId, used] of table) {
    const t = truth.get(nodeId)!;
    expect(used).toEqual({ cpu: t.cpu, mem: t.mem, disk: t.disk });
  }
}, 120_000);

it('commits many small plans from eight appliers at once, all of them', async () => {
  const nodes: NodeCapacity[] = Array.from({ length: 50 }, (_, k) => ({
    nodeId: `small-${k}`,
    cpuShares: 100_000,
    memoryMB: 100_000,
    diskMB: 100_000,
    sourceIndex: 1,
  }));
  const PER_WORKER = 40;
  const evals = await Promise.all(
    Array.from({ length: 8 * PER_WORKER }, (_, k) => createEvaluation(store, `small-${k}`)),
  );
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: 8 }, async (_, w) => {
      const mine = [];
      for (let k = w * PER_WORKER; k < (w + 1) * PER_WORKER; k++) {
        const jobId = `small-${k}`;
        const p = placement(evals[k]!, jobId, 0, `small-${k % 50}`, { cpu: 10, mem: 10, disk: 10 });
        mine.push(
          await applyPlan(store, plan(evals[k]!, jobId, [nodes[k % 50]!], { placements: [p] })),
        );
      }
      return mine;
    }),
  );
  const ms = performance.now() - started;
  expect(results.flat().every((r) => r.committed)).toBe(true);
  process.stdout.write(
    `[plan-applier] ${8 * PER_WORKER} one-placement plans from 8 appliers in ${ms.toFixed(0)} ms ` +
      `(${((8 * PER_WORKER * 1000) / ms).toFixed(0)} plans/s)\n`,
  );
}, 120_000);
