import { createTestDatabase, type TestDatabase } from '@caravan/testkit';
import { PostgresEventStore } from '@caravan/event-store';
import { applyPlan, migrateCapacity, type PlanRefusal } from '@caravan/scheduling';
import type { NewAllocation } from '@caravan/domain/allocations';
import { createEvaluation, placement, plan, smallNodes, SMALL_NODE } from './plan.int-fixture';
import { liveAllocations, usageFromEvents, usageTable } from './truth.int-fixture';

// Eight appliers commit plans for the same few small nodes, deliberately blind to each
// other (every plan is computed as if the nodes were empty), so most plans conflict. Two
// appliers share each job, as after a consumer-group rebalance. Whatever interleaving
// PostgreSQL picks, the events and the capacity table must agree and never overcommit.

const WORKERS = 8;
const JOBS = 16;
const ATTEMPTS = 5;
const PORTS = [20000, 20001, 20002, 20003];
const nodes = smallNodes(3);
const size = { cpu: 300, mem: 200, disk: 100 };

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open(db.url, { poolSize: 12 });
  await migrateCapacity(store.pool);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('plan applier under contention', () => {
  const refusals: PlanRefusal[] = [];
  const outcomes = new Map<string, 'complete' | 'failed'>();

  it('never overcommits a node, a port or a name, and names every conflict', async () => {
    const worker = async (w: number) => {
      const random = prng(w + 1);
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
      for (let j = w % (WORKERS / 2); j < JOBS; j += WORKERS / 2) {
        const jobId = `job-${j}`;
        const evalId = await createEvaluation(store, jobId);
        let done = false;
        for (let attempt = 1; attempt <= ATTEMPTS && !done; attempt++) {
          const placements = [0, 1].map((index) =>
            placement(evalId, jobId, index, pick(nodes).nodeId, { ...size, port: pick(PORTS) }),
          );
          const result = await applyPlan(store, plan(evalId, jobId, nodes, { placements }));
          if (result.committed) done = true;
          else refusals.push(result.refusal);
        }
        if (done) outcomes.set(evalId, 'complete');
        else {
          const failed = plan(evalId, jobId, nodes);
          failed.outcome = { status: 'failed', fields: failed.outcome.fields };
          const result = await applyPlan(store, failed);
          expect(result.committed).toBe(true);
          outcomes.set(evalId, 'failed');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

    expect(refusals.length).toBeGreaterThan(0);
    const kinds = new Map<string, number>();
    for (const r of refusals) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    process.stdout.write(
      `[contention] ${outcomes.size} evaluations, refusals ${JSON.stringify(Object.fromEntries(kinds))}\n`,
    );
    const nodeIds = nodes.map((n) => n.nodeId);
    for (const r of refusals) {
      switch (r.kind) {
        case 'node-exhausted':
          expect(nodeIds).toContain(r.nodeId);
          expect(['cpu', 'memory', 'disk']).toContain(r.dimension);
          break;
        case 'port-taken':
          expect(nodeIds).toContain(r.nodeId);
          expect(PORTS).toContain(r.port);
          expect(r.byAllocId).not.toBe('');
          break;
        case 'name-taken':
          expect(r.byAllocId).not.toBe('');
          break;
        default:
          throw new Error(`unexpected refusal ${JSON.stringify(r)}`);
      }
    }
    await expectTableMatchesEvents();
    const live = await liveAllocations(store.pool);
    expect(live.length).toBeGreaterThan(0);
    expectNoDuplicates(
      live.map((a) => `${a.NodeID}:${a.AllocatedResources.Shared.Ports![0]!.Value}`),
    );
    expectNoDuplicates(live.map((a) => `${a.JobID}:${a.Name}`));
    const perEval = await store.pool.query<{ stream_id: string; n: string }>(
      `select stream_id, count(*) n from es_events
        where category = 'evaluation' and type in ('EvaluationCompleted', 'EvaluationFailed')
        group by stream_id`,
    );
    expect(perEval.rows).toHaveLength(outcomes.size);
    expect(perEval.rows.every((r) => Number(r.n) === 1)).toBe(true);
  }, 120_000);

  it('releases exactly once when the same stop plan is delivered twice', async () => {
    const live = await liveAllocations(store.pool);
    const byJob = new Map<string, NewAllocation[]>();
    for (const a of live) byJob.set(a.JobID, [...(byJob.get(a.JobID) ?? []), a]);
    for (const [jobId, allocs] of byJob) {
      const evalId = await createEvaluation(store, jobId);
      const stops = allocs.map((a) => ({
        allocId: a.ID,
        nodeId: a.NodeID,
        desiredStatus: 'stop' as const,
        description: 'alloc not needed due to job update',
        clientStatus: null,
        preemptedBy: '',
      }));
      const stopPlan = plan(evalId, jobId, [], { stops });
      const [first, second] = await Promise.all([
        applyPlan(store, stopPlan),
        applyPlan(store, stopPlan),
      ]);
      const committed = [first, second].filter((r) => r.committed);
      expect(committed).toHaveLength(1);
      expect(committed[0]).toMatchObject({ released: allocs.length });
      const refused = [first, second].find((r) => !r.committed);
      expect(refused).toMatchObject({
        refusal: { kind: 'stream-moved', streamId: `evaluation-${evalId}`, actual: 2 },
      });
      // a later evaluation stopping the same allocations frees nothing more
      const again = await applyPlan(
        store,
        plan(await createEvaluation(store, jobId), jobId, [], { stops }),
      );
      expect(again).toMatchObject({ committed: true, released: 0 });
    }
    await expectTableMatchesEvents();
    const table = await usageTable(store.pool);
    for (const used of table.values()) expect(used).toEqual({ cpu: 0, mem: 0, disk: 0 });
    const ports = await store.pool.query('select * from sched_port_claims');
    expect(ports.rows).toEqual([]);
  }, 120_000);
});

async function expectTableMatchesEvents(): Promise<void> {
  const truth = usageFromEvents(await liveAllocations(store.pool));
  const table = await usageTable(store.pool);
  for (const [nodeId, used] of table) {
    const t = truth.get(nodeId) ?? { cpu: 0, mem: 0, disk: 0 };
    expect({ nodeId, cpu: used.cpu, mem: used.mem, disk: used.disk }).toEqual({
      nodeId,
      cpu: t.cpu,
      mem: t.mem,
      disk: t.disk,
    });
    expect(used.cpu).toBeLessThanOrEqual(SMALL_NODE.cpuShares);
    expect(used.mem).toBeLessThanOrEqual(SMALL_NODE.memoryMB);
    expect(used.disk).toBeLessThanOrEqual(SMALL_NODE.diskMB);
  }
  for (const nodeId of truth.keys()) expect(table.has(nodeId)).toBe(true);
}

function expectNoDuplicates(keys: string[]): void {
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
}
