import { aJob, anAlloc, anEval, aNode, run } from '../testing/scheduler-builders';
import { n0, n1, ns, v1 } from '../testing/plan-views.fixture';

// Where placements land and what the eval reports when they cannot.

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
