import type { Job } from '@caravan/nomad-api';
import { aJob, anAlloc, anEval, aNode, nodes, run } from '../testing/scheduler-builders';

// System and sysbatch: one allocation per feasible node, named from the job's Name.

const sys = (shape: Parameters<typeof aJob>[0] = {}, modifyIndex = 10, version = 0): Job =>
  aJob({ id: 'agent', type: 'system', count: 1, ...shape }, modifyIndex, version);

describe('system scheduler', () => {
  it('places one allocation on every ready node in the job datacenters', () => {
    const world = [
      ...nodes(3),
      aNode(3, { datacenter: 'dc2' }),
      aNode(4, { drain: true }),
      aNode(5, { status: 'down' }),
    ];
    const plan = run({ nodes: world, jobs: [sys()] });
    expect(plan.placements.map((p) => [p.nodeId, p.name])).toEqual([
      ['node-0000', 'agent.web[0]'],
      ['node-0001', 'agent.web[0]'],
      ['node-0002', 'agent.web[0]'],
    ]);
    expect(plan.annotations.DesiredTGUpdates['web']).toMatchObject({ Place: 3 });
  });

  it('skips nodes that fail constraints without calling it a failure', () => {
    const world = [
      aNode(0),
      aNode(1, { attributes: { 'kernel.name': 'windows', 'driver.docker': '1' } }),
    ];
    const job = sys({
      extra: { Constraints: [{ LTarget: '${attr.kernel.name}', Operand: '=', RTarget: 'linux' }] },
    });
    const plan = run({ nodes: world, jobs: [job] });
    expect(plan.placements.map((p) => p.nodeId)).toEqual(['node-0000']);
    expect(plan.evaluation.failedTGAllocs).toEqual({});
    expect(plan.evaluation.queuedAllocations).toEqual({ web: 0 });
    expect(plan.annotations.DesiredTGUpdates['web']).toMatchObject({ Place: 1 });
  });

  it('reports a node without room as a failed placement and asks for a blocked eval', () => {
    const world = [
      aNode(0),
      aNode(1, { resources: { cpuMhz: 100, memoryMb: 8192, diskMb: 100_000 } }),
    ];
    const plan = run({ nodes: world, jobs: [sys()] });
    expect(plan.placements).toHaveLength(1);
    expect(plan.evaluation.failedTGAllocs['web']).toMatchObject({
      NodesExhausted: 1,
      DimensionExhausted: { cpu: 1 },
    });
    expect(plan.blockedEval).not.toBeNull();
  });

  it('leaves running allocations alone and places on a new node only', () => {
    const job = sys();
    const world = nodes(3);
    const plan = run(
      {
        nodes: world,
        jobs: [job],
        allocs: [anAlloc(job, 0, world[0]!), anAlloc(job, 0, world[1]!)],
      },
      anEval(job, { triggeredBy: 'node-update' }),
    );
    expect(plan.placements.map((p) => p.nodeId)).toEqual(['node-0002']);
    expect(plan.annotations.DesiredTGUpdates['web']).toMatchObject({ Ignore: 2, Place: 1 });
  });

  it('replaces a failed system allocation on the same node', () => {
    const job = sys();
    const world = nodes(1);
    const plan = run({
      nodes: world,
      jobs: [job],
      allocs: [anAlloc(job, 0, world[0]!, { clientStatus: 'failed' })],
    });
    expect(plan.placements.map((p) => p.nodeId)).toEqual(['node-0000']);
  });

  it('stops allocations on down nodes as lost and everything when the job stops', () => {
    const job = sys();
    const world = [aNode(0), aNode(1, { status: 'down' })];
    const allocs = [anAlloc(job, 0, world[0]!), anAlloc(job, 0, world[1]!)];
    const lost = run({ nodes: world, jobs: [job], allocs });
    expect(lost.stops).toEqual([
      expect.objectContaining({
        nodeId: 'node-0001',
        clientStatus: 'lost',
        desiredDescription: 'alloc is lost since its node is down',
      }),
    ]);
    const stopped = run({ nodes: world, jobs: [{ ...job, Stop: true }], allocs });
    expect(stopped.stops.map((s) => s.desiredDescription)).toEqual([
      'alloc not needed due to job update',
      'alloc not needed due to job update',
    ]);
  });

  it('updates in place or destructively on the same node, max_parallel at a time', () => {
    const v1 = sys();
    const world = nodes(3);
    const allocs = world.map((n) => anAlloc(v1, 0, n));
    const inPlace = run({ nodes: world, jobs: [sys({ extra: { Priority: 80 } }, 20, 1)], allocs });
    expect(inPlace.inPlaceUpdates).toHaveLength(3);
    const destructive = run({ nodes: world, jobs: [sys({ cpu: 700 }, 20, 1)], allocs });
    expect(destructive.placements).toHaveLength(1);
    expect(destructive.placements[0]!.nodeId).toBe(destructive.stops[0]!.nodeId);
    expect(destructive.annotations.DesiredTGUpdates['web']).toMatchObject({
      DestructiveUpdate: 1,
      Ignore: 2,
    });
  });
});

describe('sysbatch scheduler', () => {
  it('does not run a completed allocation again for the same job version', () => {
    const job = aJob({ id: 'sweep', type: 'sysbatch', count: 1 });
    const world = nodes(2);
    const plan = run({
      nodes: world,
      jobs: [job],
      allocs: [anAlloc(job, 0, world[0]!, { clientStatus: 'complete' })],
    });
    expect(plan.placements.map((p) => p.nodeId)).toEqual(['node-0001']);
  });
});
