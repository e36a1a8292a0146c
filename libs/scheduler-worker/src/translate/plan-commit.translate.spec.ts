import { newAllocation, type AllocationEvent } from '@caravan/domain/allocations';
import type { EvaluationStreamEvent } from '@caravan/domain/evaluations';
import { simulatedNode, type NodeEvent } from '@caravan/domain/nodes';
import { schedulerFixtures } from '@caravan/domain/scheduler';
import { SchedulingState } from '@caravan/scheduling';
import { SchedulerSnapshotAdapter } from '../adapt/scheduler-snapshot.adapter';
import { msToNanos, nanosToMs } from '../adapt/time';
import { planEvaluation } from '../worker/plan-evaluation';

// Given a state folded from events, when the worker plans an evaluation, then the commit is
// Nomad's: named allocations with ns times, resources, ports and explanation; the outcome's
// fields; older pending evaluations shed; a blocked evaluation when nodes are full.

type Event = NodeEvent | AllocationEvent | EvaluationStreamEvent | { type: string; data: unknown };

function given(...events: Event[]): SchedulingState {
  const state = new SchedulingState();
  const versions = new Map<string, number>();
  events.forEach((e, k) => {
    const d = e.data as {
      node?: { ID: string };
      job?: { ID: string };
      evaluation?: { ID: string };
      ID?: string;
    };
    const key = d.node?.ID ?? d.job?.ID ?? d.evaluation?.ID ?? d.ID ?? '';
    versions.set(key, (versions.get(key) ?? 0) + 1);
    state.apply({
      logIndex: k + 1,
      streamPosition: versions.get(key)!,
      type: e.type,
      data: e.data,
    });
  });
  return state;
}

const node = (k: number, cpu = 1000) => {
  const n = simulatedNode('sim', k, 'dc1', (s) => s);
  return {
    type: 'NodeRegistered',
    data: {
      node: {
        ...n,
        Status: 'ready',
        NodeResources: { ...n.NodeResources, Cpu: { CpuShares: cpu, TotalCpuCores: 1 } },
      },
    },
  };
};
const job = (count: number) => ({
  type: 'JobVersionRegistered',
  data: {
    job: {
      ...schedulerFixtures.aJob({
        id: 'web',
        count,
        cpu: 400,
        memory: 64,
        group: {
          Networks: [{ Mode: 'host', DynamicPorts: [{ Label: 'http', Value: 0, To: -1 }] }],
        },
      }),
      JobModifyIndex: 0,
    },
    createIndex: null,
    submission: null,
  },
});
const created = (id: string): Event => ({
  type: 'EvaluationCreated',
  data: {
    evaluation: {
      ID: id,
      Namespace: 'default',
      Priority: 50,
      Type: 'service',
      TriggeredBy: 'job-register',
      JobID: 'web',
      Status: 'pending',
      CreateTime: 1n,
      ModifyTime: 1n,
    },
    jobModifyIndex: 'preceding-event',
  },
});
const NOW = Date.UTC(2026, 0, 1);

function plan(state: SchedulingState, evalId: string) {
  const snap = state.snapshot();
  return planEvaluation(new SchedulerSnapshotAdapter(), snap, snap.evaluation(evalId)!, {
    nowMs: NOW,
    deliveryAttempt: 2,
    seed: 7,
  });
}

describe('plan commit translation', () => {
  it('places named allocations with Nomad resources, ports, ns times and their explanation', () => {
    const state = given(node(0), node(1), job(2), created('e1'));
    const commit = plan(state, 'e1');
    expect(commit.placements.map((p) => p.Name).sort()).toEqual(['web.web[0]', 'web.web[1]']);
    const p = commit.placements[0]!;
    expect(p.CreateTime).toBe(msToNanos(NOW));
    expect(nanosToMs(p.CreateTime)).toBe(NOW);
    expect(p.AllocatedResources.Tasks.app!.Cpu.CpuShares).toBe(400);
    expect(p.AllocatedResources.Shared.Ports![0]).toMatchObject({
      Label: 'http',
      HostIP: p.NodeID === 'sim/0' ? '10.0.0.1' : '10.0.1.1',
    });
    expect(p.Explanation).toMatchObject({ SnapshotIndex: 4, Seed: '7' });
    expect(p.Explanation.Candidates.length).toBeGreaterThan(0);
    expect(commit.nodes.map((n) => n.cpuShares)).toEqual(commit.nodes.map(() => 1000));
    expect(commit.evaluation).toEqual({
      ID: 'e1',
      Namespace: 'default',
      JobID: 'web',
      expectedVersion: 1,
      status: 'pending',
    });
    expect(commit.outcome.status).toBe('complete');
    expect(commit.outcome.fields).toMatchObject({
      QueuedAllocations: { web: 0 },
      FailedTGAllocs: null,
      SnapshotIndex: 4,
      DeliveryAttempt: 2,
      BlockedEval: '',
    });
  });

  it('creates a blocked evaluation with DimensionExhausted when nodes are full', () => {
    const state = given(node(0, 1000), job(3), created('e1'));
    const commit = plan(state, 'e1');
    expect(commit.placements).toHaveLength(2);
    const blocked = commit.createEvaluations[0]!;
    expect(blocked).toMatchObject({
      Status: 'blocked',
      TriggeredBy: 'queued-allocs',
      PreviousEval: 'e1',
      SnapshotIndex: 3,
    });
    expect(commit.outcome.fields.BlockedEval).toBe(blocked.ID);
    expect(commit.outcome.fields.FailedTGAllocs!.web!.DimensionExhausted).toEqual({ cpu: 1 });
  });

  it('cancels older pending evaluations of the job (load shedding), naming their versions', () => {
    const state = given(node(0), job(1), created('old'), created('new'));
    const commit = plan(state, 'new');
    expect(commit.cancelEvaluations).toEqual([
      {
        evaluationId: 'old',
        description: 'canceled after more recent eval was processed',
        expectedVersion: 1,
      },
    ]);
  });

  it('sees an allocation at the job version it runs, with ms times', () => {
    const a = newAllocation({
      ID: 'a1',
      JobID: 'web',
      Name: 'web.web[0]',
      TaskGroup: 'web',
      NodeID: 'sim/0',
      CreateTime: msToNanos(NOW - 5),
    });
    const state = given(node(0), job(1), {
      type: 'AllocationPlaced',
      schemaVersion: 1,
      data: { allocation: a },
    });
    const snap = new SchedulerSnapshotAdapter().adapt(state.snapshot());
    const [seen] = snap.allocationsByJob('default', 'web');
    expect(seen).toMatchObject({
      id: 'a1',
      createTime: NOW - 5,
      job: { ID: 'web', JobModifyIndex: 2 },
    });
    expect(seen!.resources).toMatchObject({ cpuMhz: 100, memoryMb: 64, diskMb: 10 });
    expect(snap.nodes().map((n) => n.id)).toEqual(['sim/0']);
  });
});
