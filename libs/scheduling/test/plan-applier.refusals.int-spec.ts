import { createTestDatabase, type TestDatabase } from '@caravan/testkit';
import { PostgresEventStore } from '@caravan/event-store';
import { applyPlan, migrateCapacity } from '@caravan/scheduling';
import { EVALUATION_DESCRIPTIONS, type FollowUpEvaluation } from '@caravan/domain/evaluations';
import { createEvaluation, placement, plan, smallNodes } from './plan.int-fixture';
import { usageTable } from './truth.int-fixture';

// Each refusal names its conflict and leaves nothing behind; each success writes it all.

let db: TestDatabase;
let store: PostgresEventStore;
const nodes = smallNodes(2);

beforeAll(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open(db.url, { poolSize: 4 });
  await migrateCapacity(store.pool);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

async function eventsOf(evalId: string): Promise<string[]> {
  const { rows } = await store.pool.query<{ type: string }>(
    `select e.type from es_events e join es_log l using (global_position)
      where e.metadata->>'causationId' = $1 order by l.log_index`,
    [evalId],
  );
  return rows.map((r) => r.type);
}

describe('plan applier refusals', () => {
  it('refuses an overcommit by node and dimension, writing nothing of the plan', async () => {
    const first = await createEvaluation(store, 'a');
    const fits = [placement(first, 'a', 0, 'node-0', { cpu: 700, mem: 100, disk: 10 })];
    expect(await applyPlan(store, plan(first, 'a', nodes, { placements: fits }))).toMatchObject({
      committed: true,
      claimed: 1,
    });
    const second = await createEvaluation(store, 'b');
    const over = [
      placement(second, 'b', 0, 'node-1', { cpu: 100, mem: 100, disk: 10 }),
      placement(second, 'b', 1, 'node-0', { cpu: 400, mem: 100, disk: 10 }),
    ];
    expect(await applyPlan(store, plan(second, 'b', nodes, { placements: over }))).toEqual({
      committed: false,
      refusal: { kind: 'node-exhausted', nodeId: 'node-0', dimension: 'cpu' },
    });
    expect(await eventsOf(second)).toEqual([]);
    expect((await usageTable(store.pool)).get('node-1')).toEqual({ cpu: 0, mem: 0, disk: 0 });

    const memory = [placement(second, 'b', 0, 'node-1', { cpu: 10, mem: 1001, disk: 10 })];
    expect(await applyPlan(store, plan(second, 'b', nodes, { placements: memory }))).toMatchObject({
      refusal: { kind: 'node-exhausted', nodeId: 'node-1', dimension: 'memory' },
    });
  });

  it('names the holder of a taken port and of a taken allocation name', async () => {
    const holderEval = await createEvaluation(store, 'p');
    const holder = placement(holderEval, 'p', 0, 'node-1', {
      cpu: 1,
      mem: 1,
      disk: 1,
      port: 25000,
    });
    await applyPlan(store, plan(holderEval, 'p', nodes, { placements: [holder] }));
    const next = await createEvaluation(store, 'q');
    const clash = placement(next, 'q', 0, 'node-1', { cpu: 1, mem: 1, disk: 1, port: 25000 });
    expect(await applyPlan(store, plan(next, 'q', nodes, { placements: [clash] }))).toEqual({
      committed: false,
      refusal: { kind: 'port-taken', nodeId: 'node-1', port: 25000, byAllocId: holder.ID },
    });
    const rival = await createEvaluation(store, 'p');
    const sameName = placement(rival, 'p', 0, 'node-0', { cpu: 1, mem: 1, disk: 1 });
    expect(await applyPlan(store, plan(rival, 'p', nodes, { placements: [sameName] }))).toEqual({
      committed: false,
      refusal: { kind: 'name-taken', name: 'p.g[0]', allocId: sameName.ID, byAllocId: holder.ID },
    });
  });

  it('refuses a repeated delivery of a committed placement plan', async () => {
    const evalId = await createEvaluation(store, 'r');
    const placed = plan(evalId, 'r', nodes, {
      placements: [placement(evalId, 'r', 0, 'node-1', { cpu: 1, mem: 1, disk: 1 })],
    });
    expect(await applyPlan(store, placed)).toMatchObject({ committed: true });
    const before = await usageTable(store.pool);
    expect(await applyPlan(store, placed)).toEqual({
      committed: false,
      refusal: { kind: 'allocation-exists', allocId: placed.placements[0]!.ID },
    });
    expect(await usageTable(store.pool)).toEqual(before);
  });

  it('writes follow-ups before the outcome that names them, in one log span', async () => {
    const evalId = await createEvaluation(store, 'blk');
    const blocked: FollowUpEvaluation = {
      ID: `${evalId}-blocked`,
      Namespace: 'default',
      Priority: 50,
      Type: 'service',
      TriggeredBy: 'queued-allocs',
      JobID: 'blk',
      JobModifyIndex: 1,
      Status: 'blocked',
      StatusDescription: EVALUATION_DESCRIPTIONS.blockedForPlacement,
      PreviousEval: evalId,
      WaitUntil: null,
      Wait: 0,
      FailedTGAllocs: null,
      ClassEligibility: null,
      EscapedComputedClass: false,
      SnapshotIndex: 1,
      CreateTime: 1,
      ModifyTime: 1,
    };
    const p = plan(evalId, 'blk', nodes, {
      placements: [placement(evalId, 'blk', 0, 'node-0', { cpu: 1, mem: 1, disk: 1 })],
      createEvaluations: [blocked],
    });
    p.outcome.fields.BlockedEval = blocked.ID;
    const result = await applyPlan(store, p);
    expect(result).toMatchObject({ committed: true });
    if (!result.committed) return;
    expect(result.lastIndex - result.firstIndex).toBe(2);
    expect(await eventsOf(evalId)).toEqual([
      'AllocationPlaced',
      'EvaluationFollowUpCreated',
      'EvaluationCompleted',
    ]);
  });

  it('moves an in-place update’s claim to its new resources', async () => {
    const evalId = await createEvaluation(store, 'ip');
    const a = placement(evalId, 'ip', 0, 'node-1', { cpu: 50, mem: 50, disk: 5 });
    await applyPlan(store, plan(evalId, 'ip', nodes, { placements: [a] }));
    const before = (await usageTable(store.pool)).get('node-1')!;
    const update = await createEvaluation(store, 'ip');
    const resized = placement(update, 'ip', 0, 'node-1', { cpu: 80, mem: 50, disk: 5 });
    const result = await applyPlan(
      store,
      plan(update, 'ip', nodes, {
        inPlaceUpdates: [
          {
            allocId: a.ID,
            nodeId: 'node-1',
            expectedVersion: 1,
            name: a.Name,
            jobVersion: 1,
            resources: resized.AllocatedResources,
            deploymentId: '',
          },
        ],
      }),
    );
    expect(result).toMatchObject({ committed: true, released: 1, claimed: 1 });
    expect((await usageTable(store.pool)).get('node-1')).toEqual({
      ...before,
      cpu: before.cpu + 30,
    });
  });
});
