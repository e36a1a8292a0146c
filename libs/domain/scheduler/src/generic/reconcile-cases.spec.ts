import type { Job } from '@caravan/nomad-api';
import type { SchedulerAllocation } from '../model/allocation';
import type { DesiredUpdates } from '../model/metrics';
import type { Plan } from '../model/plan';
import { aJob, anAlloc, anEval, aNode, nodes, NOW, run } from '../testing/scheduler.fixtures';

// Given a job and its allocations, when an eval runs, then the plan stops, keeps, updates and
// places what Nomad's reconciler would (service and batch).

const ns = nodes(4);
const n0 = ns[0]!;
const n1 = ns[1]!;
const v1 = aJob({ count: 3 });

function running(job: Job, count: number, overrides: Partial<SchedulerAllocation> = {}) {
  return Array.from({ length: count }, (_, i) => anAlloc(job, i, ns[i % ns.length]!, overrides));
}

const summary = (plan: Plan) => ({
  placed: plan.placements.map((p) => `${p.name}:${p.reason}`).sort(),
  stopped: plan.stops.map((s) => `${s.allocId.split('-')[1]}:${s.desiredDescription}`).sort(),
  inPlace: plan.inPlaceUpdates.length,
});

const desired = (plan: Plan, group = 'web'): Partial<DesiredUpdates> => {
  const d = plan.annotations.DesiredTGUpdates[group]!;
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== 0));
};

describe('reconcile: service', () => {
  it('places count allocations with names [0]..[count-1]', () => {
    const plan = run({ nodes: ns, jobs: [v1] });
    expect(summary(plan).placed).toEqual(['web.web[0]:new', 'web.web[1]:new', 'web.web[2]:new']);
    expect(desired(plan)).toEqual({ Place: 3 });
    expect(plan.evaluation).toMatchObject({ status: 'complete', queuedAllocations: { web: 0 } });
  });

  it('ignores allocations already on the current version', () => {
    const plan = run({ nodes: ns, jobs: [v1], allocs: running(v1, 3) });
    expect(summary(plan)).toEqual({ placed: [], stopped: [], inPlace: 0 });
    expect(desired(plan)).toEqual({ Ignore: 3 });
  });

  it('reuses the lowest free index', () => {
    const allocs = [anAlloc(v1, 0, n0), anAlloc(v1, 2, n1)];
    expect(summary(run({ nodes: ns, jobs: [v1], allocs })).placed).toEqual(['web.web[1]:new']);
  });

  it('stops the highest indexes when scaling down', () => {
    const job = aJob({ count: 2 }, 11);
    const plan = run({ nodes: ns, jobs: [job], allocs: running(job, 4) });
    expect(summary(plan).stopped).toEqual([
      'web.web[2]:alloc not needed due to job update',
      'web.web[3]:alloc not needed due to job update',
    ]);
    expect(desired(plan)).toEqual({ Stop: 2, Ignore: 2 });
  });

  it('stops everything when the job is stopped', () => {
    const stopped = { ...v1, Stop: true };
    const plan = run({ nodes: ns, jobs: [stopped], allocs: running(v1, 3) });
    expect(plan.stops).toHaveLength(3);
    expect(
      plan.stops.every((s) => s.desiredDescription === 'alloc not needed due to job update'),
    ).toBe(true);
    expect(desired(plan)).toEqual({ Stop: 3 });
  });

  it('stops everything when the job was purged', () => {
    const plan = run(
      { nodes: ns, jobs: [], allocs: running(v1, 2) },
      anEval(v1, { triggeredBy: 'job-deregister' }),
    );
    expect(plan.stops).toHaveLength(2);
  });

  it('updates in place when only non-destructive fields changed', () => {
    const v2 = aJob({ count: 3, extra: { Priority: 70 } }, 20, 1);
    const plan = run({ nodes: ns, jobs: [v2], allocs: running(v1, 3) });
    expect(summary(plan)).toEqual({ placed: [], stopped: [], inPlace: 3 });
    expect(plan.inPlaceUpdates[0]).toMatchObject({ jobVersion: 1, jobModifyIndex: 20 });
    expect(desired(plan)).toEqual({ InPlaceUpdate: 3 });
  });

  it.each<[string, Parameters<typeof aJob>[0]]>([
    ['task resources', { count: 3, cpu: 600 }],
    [
      'task config',
      {
        count: 3,
        group: {
          Tasks: [
            {
              Name: 'app',
              Driver: 'docker',
              Config: { image: 'redis' },
              Resources: { CPU: 500, MemoryMB: 256 },
            },
          ],
        },
      },
    ],
    ['job meta', { count: 3, extra: { Meta: { owner: 'x' } } }],
  ])('replaces destructively when %s changed, max_parallel at a time', (_n, shape) => {
    const v2 = aJob(shape, 20, 1);
    const plan = run({ nodes: ns, jobs: [v2], allocs: running(v1, 3) });
    // The default update block has max_parallel 1 and deployments are not modelled yet.
    expect(summary(plan).placed).toEqual(['web.web[0]:destructive']);
    expect(summary(plan).stopped).toEqual(['web.web[0]:alloc is being updated due to job update']);
    expect(plan.stops[0]!.replacedBy).toBe(plan.placements[0]!.id);
    expect(desired(plan)).toEqual({ DestructiveUpdate: 1, Ignore: 2 });
  });

  it('replaces everything at once without an update strategy', () => {
    const canonical = aJob({ count: 3, cpu: 600 }, 20, 1);
    const v2 = {
      ...canonical,
      TaskGroups: canonical.TaskGroups!.map((g) => ({ ...g, Update: null })),
    };
    const plan = run({ nodes: ns, jobs: [v2], allocs: running(v1, 3) });
    expect(summary(plan).placed).toHaveLength(3);
    expect(desired(plan)).toEqual({ DestructiveUpdate: 3 });
  });

  it('migrates allocations off a draining node', () => {
    const draining = [{ ...n0, drain: true }, ...ns.slice(1)];
    const plan = run({ nodes: draining, jobs: [v1], allocs: running(v1, 3) });
    expect(summary(plan).placed).toEqual(['web.web[0]:migrate']);
    expect(summary(plan).stopped).toEqual(['web.web[0]:alloc is being migrated']);
    expect(plan.placements[0]!.nodeId).not.toBe(n0.id);
    expect(desired(plan)).toEqual({ Migrate: 1, Ignore: 2 });
  });

  it('replaces lost allocations on a down node', () => {
    const down = [{ ...n0, status: 'down' as const }, ...ns.slice(1)];
    const plan = run(
      { nodes: down, jobs: [v1], allocs: running(v1, 3) },
      anEval(v1, { triggeredBy: 'node-update' }),
    );
    expect(summary(plan).placed).toEqual(['web.web[0]:lost']);
    expect(plan.stops).toEqual([
      expect.objectContaining({
        desiredDescription: 'alloc is lost since its node is down',
        clientStatus: 'lost',
      }),
    ]);
    expect(desired(plan)).toEqual({ Place: 1, Stop: 1, Ignore: 2 });
  });

  it('replaces completed service allocations (they should not complete)', () => {
    const allocs = [...running(v1, 2), anAlloc(v1, 2, n1, { clientStatus: 'complete' })];
    expect(summary(run({ nodes: ns, jobs: [v1], allocs })).placed).toEqual(['web.web[2]:new']);
  });

  it('reschedules a failed allocation now when its delay has passed, avoiding its node', () => {
    const failed = anAlloc(v1, 2, n0, { clientStatus: 'failed', finishedAt: NOW - 60_000 });
    const plan = run({ nodes: ns, jobs: [v1], allocs: [...running(v1, 2), failed] });
    expect(summary(plan).placed).toEqual(['web.web[2]:reschedule']);
    const p = plan.placements[0]!;
    expect(p.previousAllocation).toBe(failed.id);
    expect(p.rescheduleTracker!.events).toEqual([
      { rescheduleTime: NOW, prevAllocId: failed.id, prevNodeId: n0.id, delayMs: 30_000 },
    ]);
    expect(
      p.metrics.ScoreMetaData!.find((s) => s.NodeID === n0.id)?.Scores['node-reschedule-penalty'] ??
        -1,
    ).toBe(-1);
    expect(summary(plan).stopped).toEqual(['web.web[2]:alloc was rescheduled because it failed']);
    expect(desired(plan)).toEqual({ Place: 1, Stop: 1, Ignore: 2 });
  });

  it('never exceeds count when scaling down while an allocation failed', () => {
    const one = aJob({ count: 1 }, 11);
    const failed = anAlloc(one, 1, n1, { clientStatus: 'failed', finishedAt: NOW - 60_000 });
    const plan = run({ nodes: ns, jobs: [one], allocs: [anAlloc(one, 0, n0), failed] });
    expect(plan.placements).toEqual([]);
    expect(summary(plan).stopped).toEqual(['web.web[1]:alloc not needed due to job update']);
  });

  it('creates a delayed follow-up eval when the delay has not passed', () => {
    const failed = anAlloc(v1, 2, n0, { clientStatus: 'failed', finishedAt: NOW - 10_000 });
    const plan = run({ nodes: ns, jobs: [v1], allocs: [...running(v1, 2), failed] });
    expect(plan.placements).toEqual([]);
    expect(plan.followUpEvals).toEqual([
      expect.objectContaining({
        triggeredBy: 'alloc-reschedule',
        status: 'pending',
        statusDescription: 'created for delayed rescheduling',
        waitUntil: NOW + 20_000,
        previousEval: 'eval-1',
      }),
    ]);
    expect(plan.attributeUpdates).toEqual([
      { allocId: failed.id, followupEvalId: plan.followUpEvals[0]!.id },
    ]);
    expect(plan.evaluation.nextEval).toBe(plan.followUpEvals[0]!.id);
    expect(desired(plan)).toEqual({ RescheduleLater: 1, Ignore: 3 });
  });

  it('batches delayed reschedules into 5 second windows', () => {
    const fail = (i: number, ago: number) =>
      anAlloc(v1, i, ns[i]!, { clientStatus: 'failed', finishedAt: NOW - ago });
    const plan = run({
      nodes: ns,
      jobs: [v1],
      allocs: [fail(0, 10_000), fail(1, 8_000), fail(2, 1_000)],
    });
    expect(plan.followUpEvals.map((e) => [e.waitUntil! - NOW, e.triggeredBy])).toEqual([
      [20_000, 'alloc-reschedule'],
      [29_000, 'alloc-failure'],
    ]);
  });

  it('reschedules now when the follow-up eval it was waiting for runs', () => {
    const failed = anAlloc(v1, 2, n0, {
      clientStatus: 'failed',
      finishedAt: NOW - 10_000,
      followupEvalId: 'eval-9',
    });
    const plan = run(
      { nodes: ns, jobs: [v1], allocs: [...running(v1, 2), failed] },
      anEval(v1, { id: 'eval-9', triggeredBy: 'alloc-reschedule' }),
    );
    expect(summary(plan).placed).toEqual(['web.web[2]:reschedule']);
  });

  it('ForceReschedule replaces failed allocations immediately', () => {
    const failed = anAlloc(v1, 2, n0, { clientStatus: 'failed', finishedAt: NOW - 1000 });
    const plan = run(
      { nodes: ns, jobs: [v1], allocs: [...running(v1, 2), failed] },
      anEval(v1, { forceReschedule: true }),
    );
    expect(summary(plan).placed).toEqual(['web.web[2]:reschedule']);
  });
});

describe('reconcile: batch', () => {
  const batch = aJob({ type: 'batch', count: 2 });

  it('does not replace allocations that completed successfully', () => {
    const allocs = running(batch, 2, { clientStatus: 'complete' });
    const plan = run({ nodes: ns, jobs: [batch], allocs });
    expect(plan.placements).toEqual([]);
    expect(desired(plan)).toEqual({ Ignore: 2 });
  });

  it('reschedules a failure once in 24h (constant 5 s), then leaves it failed', () => {
    const first = anAlloc(batch, 1, n1, { clientStatus: 'failed', finishedAt: NOW - 6000 });
    expect(
      summary(run({ nodes: ns, jobs: [batch], allocs: [anAlloc(batch, 0, n0), first] })).placed,
    ).toEqual(['web.web[1]:reschedule']);
    const again = {
      ...first,
      rescheduleTracker: {
        events: [
          { rescheduleTime: NOW - 3_600_000, prevAllocId: 'x', prevNodeId: n0.id, delayMs: 5000 },
        ],
        lastReschedule: 'ok' as const,
      },
    };
    const plan = run({ nodes: ns, jobs: [batch], allocs: [anAlloc(batch, 0, n0), again] });
    expect(plan.placements).toEqual([]);
    expect(plan.followUpEvals).toEqual([]);
  });

  it('runs again after a job update: old terminal allocations are history', () => {
    const v2 = aJob({ type: 'batch', count: 2, cpu: 600 }, 20, 1);
    const plan = run({
      nodes: ns,
      jobs: [v2],
      allocs: running(batch, 2, { clientStatus: 'complete' }),
    });
    expect(summary(plan).placed).toEqual(['web.web[0]:new', 'web.web[1]:new']);
  });
});

describe('failed placements', () => {
  it('records one metric per group, coalesces the rest and asks for a blocked eval', () => {
    const big = aJob({ count: 5, cpu: 3000 });
    const plan = run({ nodes: ns.slice(0, 2), jobs: [big] });
    expect(plan.placements).toHaveLength(2);
    const metric = plan.evaluation.failedTGAllocs['web']!;
    expect(metric).toMatchObject({
      NodesEvaluated: 2,
      NodesExhausted: 2,
      DimensionExhausted: { cpu: 2 },
      CoalescedFailures: 2,
      NodesAvailable: { dc1: 2 },
    });
    expect(metric.ResourcesExhausted).toEqual({ app: { CPU: 3000, MemoryMB: 256 } });
    expect(plan.evaluation.queuedAllocations).toEqual({ web: 3 });
    expect(plan.blockedEval).toMatchObject({
      status: 'blocked',
      triggeredBy: 'queued-allocs',
      statusDescription: 'created to place remaining allocations',
      previousEval: 'eval-1',
    });
    expect(plan.evaluation.blockedEval).toBe(plan.blockedEval!.id);
    expect(plan.evaluation.status).toBe('complete');
  });

  it('re-blocks an unblocked eval that still cannot place', () => {
    const big = aJob({ count: 1, cpu: 9000 });
    const plan = run(
      { nodes: ns, jobs: [big] },
      anEval(big, { status: 'blocked', triggeredBy: 'queued-allocs' }),
    );
    expect(plan.blockedEval).toBeNull();
    expect(plan.evaluation.status).toBe('blocked');
  });

  it('fails an eval whose trigger the scheduler cannot handle', () => {
    const plan = run({ nodes: ns, jobs: [v1] }, anEval(v1, { triggeredBy: 'scheduled' }));
    expect(plan.evaluation).toMatchObject({
      status: 'failed',
      statusDescription: "scheduler cannot handle 'scheduled' evaluation reason",
    });
  });
});

describe('node selection', () => {
  it('filters by datacenter glob, pool, drivers and constraints, with Nomad metric reasons', () => {
    const world = [
      aNode(0, { datacenter: 'us-east-1' }),
      aNode(1, { datacenter: 'eu-west-1', nodeClass: 'small' }),
      aNode(2, { datacenter: 'eu-west-2', nodePool: 'gpu' }),
      aNode(3, {
        datacenter: 'eu-west-3',
        attributes: { 'kernel.name': 'linux' },
        computedClass: 'v1:nodocker',
      }),
      aNode(4, {
        datacenter: 'eu-west-4',
        attributes: { 'kernel.name': 'windows', 'driver.docker': '1' },
        computedClass: 'v1:win',
      }),
      aNode(5, { datacenter: 'eu-west-5', computedClass: 'v1:ok' }),
    ];
    const job = aJob({
      count: 2,
      extra: {
        Datacenters: ['eu-*'],
        Constraints: [{ LTarget: '${attr.kernel.name}', Operand: '=', RTarget: 'linux' }],
      },
    });
    const plan = run({ nodes: world, jobs: [job] });
    expect(plan.placements.map((p) => p.nodeId).sort()).toEqual(['node-0001', 'node-0005']);
    const m = plan.placements[0]!.metrics;
    expect(m.NodesInPool).toBe(5); // node 2 is in another pool
    expect(m.NodesAvailable).toEqual({
      'eu-west-1': 1,
      'eu-west-3': 1,
      'eu-west-4': 1,
      'eu-west-5': 1,
    });
  });

  it('reports filter reasons in FailedTGAllocs when no node qualifies', () => {
    const world = [
      aNode(0, {
        attributes: { 'kernel.name': 'linux' },
        computedClass: 'v1:a',
        nodeClass: 'small',
      }),
      aNode(1, {
        attributes: { 'kernel.name': 'windows', 'driver.docker': '1' },
        computedClass: 'v1:b',
      }),
      aNode(2, {
        attributes: { 'kernel.name': 'windows', 'driver.docker': '1' },
        computedClass: 'v1:b',
      }),
    ];
    const job = aJob({
      count: 1,
      extra: { Constraints: [{ LTarget: '${attr.kernel.name}', Operand: '=', RTarget: 'linux' }] },
    });
    const m = run({ nodes: world, jobs: [job] }).evaluation.failedTGAllocs['web']!;
    expect(m).toMatchObject({
      NodesEvaluated: 3,
      NodesFiltered: 3,
      ClassFiltered: { small: 1 },
      ConstraintFiltered: {
        'missing drivers': 1,
        '${attr.kernel.name} = linux': 1,
        'computed class ineligible': 1,
      },
    });
    expect(run({ nodes: world, jobs: [job] }).evaluation.classEligibility).toEqual({
      'v1:a': false,
      'v1:b': false,
    });
  });

  it('keeps allocations of a job on distinct hosts', () => {
    const job = aJob({
      count: 3,
      extra: { Constraints: [{ LTarget: '', Operand: 'distinct_hosts', RTarget: 'true' }] },
    });
    const plan = run({ nodes: ns.slice(0, 2), jobs: [job] });
    expect(new Set(plan.placements.map((p) => p.nodeId)).size).toBe(2);
    expect(plan.evaluation.failedTGAllocs['web']!.ConstraintFiltered).toEqual({
      distinct_hosts: 2,
    });
  });

  it('limits allocations per property value with distinct_property', () => {
    const racks = ns.map((n, i) => ({ ...n, meta: { rack: `r${i % 2}` } }));
    const job = aJob({
      count: 3,
      extra: {
        Constraints: [{ LTarget: '${meta.rack}', Operand: 'distinct_property', RTarget: '1' }],
      },
    });
    const plan = run({ nodes: racks, jobs: [job] });
    expect(plan.placements).toHaveLength(2);
    expect(Object.keys(plan.evaluation.failedTGAllocs['web']!.ConstraintFiltered!)[0]).toMatch(
      /^distinct_property: \$\{meta.rack\}=r[01] used by 1 allocs$/,
    );
  });

  it('assigns static and dynamic ports without collisions', () => {
    const job = aJob({
      count: 2,
      group: {
        Networks: [
          {
            Mode: 'host',
            ReservedPorts: [{ Label: 'http', Value: 8080, To: 0 }],
            DynamicPorts: [{ Label: 'metrics', Value: 0, To: -1 }],
          },
        ],
      },
    });
    const plan = run({ nodes: [{ ...n0, reserved: { ...n0.reserved, ports: [] } }], jobs: [job] });
    expect(plan.placements).toHaveLength(1);
    const ports = plan.placements[0]!.resources.ports;
    expect(ports[0]).toEqual({ label: 'http', value: 8080, to: 0, hostNetwork: 'default' });
    expect(ports[1]!.value).toBeGreaterThanOrEqual(20000);
    expect(ports[1]!.to).toBe(ports[1]!.value);
    expect(plan.evaluation.failedTGAllocs['web']!.DimensionExhausted).toEqual({
      'network: reserved port collision http=8080': 1,
    });
  });

  it('prefers fuller nodes (bin-packing) and spreads a group with anti-affinity', () => {
    const busy = anAlloc(aJob({ id: 'other', count: 1, cpu: 3000, memory: 6000 }), 0, n1);
    const job = aJob({ count: 1 });
    const plan = run({ nodes: ns.slice(0, 2), jobs: [job], allocs: [busy] });
    expect(plan.placements[0]!.nodeId).toBe(n1.id);
  });
});
