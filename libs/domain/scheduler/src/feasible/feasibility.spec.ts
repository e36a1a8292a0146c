import { aJob, anAlloc, aNode, run } from '../testing/scheduler-builders';

// Feasibility through the whole scheduler: where constraints come from, pools, and ports.

const windows = { 'kernel.name': 'windows', 'driver.docker': '1' };

describe('feasibility', () => {
  it('applies task-level constraints like group ones', () => {
    const job = aJob({
      count: 1,
      group: {
        Tasks: [
          {
            Name: 'app',
            Driver: 'docker',
            Config: { image: 'nginx' },
            Resources: { CPU: 100, MemoryMB: 64 },
            Constraints: [{ LTarget: '${attr.kernel.name}', Operand: '=', RTarget: 'windows' }],
          },
        ],
      },
    });
    const plan = run({ nodes: [aNode(0), aNode(1, { attributes: windows })], jobs: [job] });
    expect(plan.placements.map((p) => p.nodeId)).toEqual(['node-0001']);
  });

  it.each<[string, string[]]>([
    ['default', ['node-0000']],
    ['gpu', ['node-0001']],
    ['all', ['node-0000', 'node-0001']],
  ])('node pool %s reaches %j', (pool, expected) => {
    const world = [aNode(0), aNode(1, { nodePool: 'gpu' })];
    const plan = run({ nodes: world, jobs: [aJob({ count: 2, extra: { NodePool: pool } })] });
    expect([...new Set(plan.placements.map((p) => p.nodeId))].sort()).toEqual(expected);
  });

  it('treats a driver attribute that is not true as missing', () => {
    const world = [aNode(0, { attributes: { 'driver.docker': '0' } })];
    const m = run({ nodes: world, jobs: [aJob({ count: 1 })] }).evaluation.failedTGAllocs['web']!;
    expect(m.ConstraintFiltered).toEqual({ 'missing drivers': 1 });
  });

  it('does not hand out a port the node reserves', () => {
    const node = aNode(0, { reserved: { cpuMhz: 0, memoryMb: 0, diskMb: 0, ports: [8080] } });
    const job = aJob({
      count: 1,
      group: { Networks: [{ Mode: 'host', ReservedPorts: [{ Label: 'http', Value: 8080 }] }] },
    });
    const m = run({ nodes: [node], jobs: [job] }).evaluation.failedTGAllocs['web']!;
    expect(m.DimensionExhausted).toEqual({ 'network: reserved port collision http=8080': 1 });
  });

  it('fails dynamic port selection when the range is used up', () => {
    const node = aNode(0, { dynamicPorts: { min: 20000, max: 20001 } });
    const job = aJob({
      count: 3,
      group: { Networks: [{ Mode: 'host', DynamicPorts: [{ Label: 'http', Value: 0, To: 0 }] }] },
    });
    const plan = run({ nodes: [node], jobs: [job] });
    expect(plan.placements.map((p) => p.resources.ports[0]!.value).sort()).toEqual([20000, 20001]);
    expect(plan.evaluation.failedTGAllocs['web']!.DimensionExhausted).toEqual({
      'network: dynamic port selection failed': 1,
    });
  });

  it('keeps an allocation`s ports on an in-place update', () => {
    const v1 = aJob({ count: 1 });
    const node = aNode(0);
    const ports = [{ label: 'http', value: 23456, to: 0, hostNetwork: 'default' }];
    const alloc = anAlloc(v1, 0, node, { resources: { ...anAlloc(v1, 0, node).resources, ports } });
    const v2 = aJob({ count: 1, extra: { Priority: 90 } }, 20, 1);
    const plan = run({ nodes: [node], jobs: [v2], allocs: [alloc] });
    expect(plan.inPlaceUpdates.map((u) => u.resources.ports)).toEqual([ports]);
  });

  it('replaces destructively when a new constraint rules out the current node', () => {
    // Constraints are not destructive by themselves; the in-place fit re-checks feasibility.
    const v1 = aJob({ count: 1 });
    const linux = aNode(0);
    const win = aNode(1, { attributes: windows });
    const constraint = { LTarget: '${attr.kernel.name}', Operand: '=', RTarget: 'windows' };
    const v2 = aJob({ count: 1, extra: { Constraints: [constraint] } }, 20, 1);
    const plan = run({ nodes: [linux, win], jobs: [v2], allocs: [anAlloc(v1, 0, linux)] });
    expect(plan.inPlaceUpdates).toEqual([]);
    expect(plan.placements.map((p) => [p.reason, p.nodeId])).toEqual([['destructive', win.id]]);
    expect(plan.stops.map((s) => s.desiredDescription)).toEqual([
      'alloc is being updated due to job update',
    ]);
  });
});
