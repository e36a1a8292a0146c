import { aJob, anAlloc, anEval, run } from '../testing/scheduler-builders';
import { desired, n0, n1, ns, running, summary, v1 } from '../testing/plan-views.fixture';

// Given a service job and its allocations, when an eval runs, then the plan stops, keeps,
// updates and places what Nomad's reconciler would.

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
    expect(plan.destructiveUpdates).toEqual([
      { stopAllocId: plan.stops[0]!.allocId, placementId: plan.placements[0]!.id },
    ]);
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
});
