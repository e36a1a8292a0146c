import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@caravan/testkit';
import { PostgresEventStore } from '@caravan/event-store';
import { IndexWaitTimeoutError } from '@caravan/index-wait';
import { nodeStream, simulatedNode } from '@caravan/domain/nodes';
import {
  applyPlan,
  commitClientStatus,
  migrateCapacity,
  SchedulingState,
  SchedulingStateFollower,
  type NodeCapacity,
} from '@caravan/scheduling';
import { createEvaluation, placement, plan } from './plan.int-fixture';
import { usageTable } from './truth.int-fixture';

// The follower keeps the state equal to the log: after waitForIndex(i) the snapshot includes
// every commit up to i, and its node usage equals the capacity table's.

let db: TestDatabase;
let store: PostgresEventStore;
let follower: SchedulingStateFollower;
const nodeSpecs = [0, 1].map((k) => simulatedNode('sim', k, 'dc1', (s) => s));

beforeAll(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open(db.url, { poolSize: 8 });
  await migrateCapacity(store.pool);
  for (const node of nodeSpecs)
    await store.append({
      stream: nodeStream(node.ID),
      expectedVersion: 'no_stream',
      events: [
        { id: randomUUID(), type: 'NodeRegistered', data: { node: { ...node, Status: 'ready' } } },
      ],
    });
  follower = new SchedulingStateFollower(store, new SchedulingState(), { pollIntervalMs: 5_000 });
  await follower.start();
}, 60_000);

afterAll(async () => {
  await follower?.close();
  await store?.close();
  await db?.drop();
});

function capacities(): NodeCapacity[] {
  const snap = follower.state.snapshot();
  return [...snap.nodes()].map((n) => ({
    nodeId: n.node.ID,
    cpuShares: n.capacity.cpu,
    memoryMB: n.capacity.mem,
    diskMB: n.capacity.disk,
    sourceIndex: n.capacityIndex,
  }));
}

async function expectStateMatchesTable(): Promise<void> {
  const table = await usageTable(store.pool);
  const snap = follower.state.snapshot();
  for (const [nodeId, used] of table)
    expect({ nodeId, ...snap.node(nodeId)!.used }).toEqual({ nodeId, ...used });
}

describe('scheduling state follower', () => {
  it('caught up with the log on start', () => {
    const snap = follower.state.snapshot();
    expect(snap.index).toBe(2);
    expect([...snap.nodes()].map((n) => n.node.Name)).toEqual(['sim-0', 'sim-1']);
  });

  it('reaches each concurrent commit’s index with that commit in its snapshot', async () => {
    const commits = Array.from({ length: 6 }, async (_, k) => {
      const jobId = `job-${k}`;
      const evalId = await createEvaluation(store, jobId);
      await follower.waitForIndex(await store.headIndex(), 5_000);
      const expectedVersion = follower.state.snapshot().evaluation(evalId)!.version;
      const placements = [0, 1].map((i) =>
        placement(evalId, jobId, i, nodeSpecs[i]!.ID, {
          cpu: 100,
          mem: 100,
          disk: 100,
          port: 21000 + k,
        }),
      );
      const result = await applyPlan(
        store,
        plan(evalId, jobId, capacities(), { placements }, expectedVersion),
      );
      if (!result.committed) throw new Error(JSON.stringify(result.refusal));
      const reached = await follower.waitForIndex(result.lastIndex, 5_000);
      const snap = follower.state.snapshot();
      expect(reached).toBeGreaterThanOrEqual(result.lastIndex);
      expect(snap.index).toBeGreaterThanOrEqual(result.lastIndex);
      expect(snap.evaluation(evalId)).toMatchObject({
        status: 'complete',
        modifyIndex: result.lastIndex,
      });
      for (const p of placements)
        expect(snap.allocation(p.ID)?.createIndex).toBeLessThanOrEqual(result.lastIndex);
      return placements;
    });
    const placed = (await Promise.all(commits)).flat();
    await expectStateMatchesTable();
    const snap = follower.state.snapshot();
    expect(snap.node(nodeSpecs[0]!.ID)!.used).toEqual({ cpu: 600, mem: 600, disk: 600 });
    expect(snap.node(nodeSpecs[0]!.ID)!.ports.size).toBe(6);

    // the clients report: one running, one complete (which frees its claim in the same commit)
    const [running, complete] = placed;
    const report = (id: string, status: 'running' | 'complete') => ({
      namespace: 'default',
      jobId: placed.find((p) => p.ID === id)!.JobID,
      expectedVersion: 'stream_exists' as const,
      event: {
        type: 'AllocationClientStatusUpdated' as const,
        schemaVersion: 1 as const,
        data: {
          ID: id,
          ClientStatus: status,
          ClientDescription: '',
          TaskStates: {},
          ModifyTime: 5,
        },
      },
    });
    const reported = await commitClientStatus(store, [
      report(running!.ID, 'running'),
      report(complete!.ID, 'complete'),
    ]);
    expect(reported.released).toBe(1);
    await follower.waitForIndex(reported.appended!.lastIndex, 5_000);
    expect(follower.state.snapshot().allocation(complete!.ID)).toMatchObject({
      holdsResources: false,
    });
    await expectStateMatchesTable();
  }, 60_000);

  it('times out naming the index it reached', async () => {
    const head = await store.headIndex();
    await follower.waitForIndex(head, 5_000);
    await expect(follower.waitForIndex(head + 100, 100)).rejects.toEqual(
      new IndexWaitTimeoutError(head + 100, head, 100),
    );
  });
});
