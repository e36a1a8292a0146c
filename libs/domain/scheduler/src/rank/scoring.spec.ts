import { aJob, anAlloc, aNode, run } from '../testing/scheduler-builders';
import { evenBoost } from './spread';

// Affinity, spread and anti-affinity as score components on the chosen placement.

describe('affinity and spread', () => {
  it('prefers nodes matching an affinity, weighted by Σ|weight|', () => {
    const world = [aNode(0, { meta: { disk: 'hdd' } }), aNode(1, { meta: { disk: 'ssd' } })];
    const job = aJob({
      count: 1,
      extra: {
        Affinities: [{ LTarget: '${meta.disk}', Operand: '=', RTarget: 'ssd', Weight: 50 }],
      },
    });
    const p = run({ nodes: world, jobs: [job] }).placements[0]!;
    expect(p.nodeId).toBe('node-0001');
    const scores = p.metrics.ScoreMetaData!.find((s) => s.NodeID === 'node-0001')!.Scores;
    expect(scores['node-affinity']).toBe(1);
    expect(scores['normalized-score']).toBeCloseTo((scores['binpack']! + 1) / 2, 12);
  });

  it('spreads by target percentages across datacenters', () => {
    const world = [0, 1, 2, 3].map((i) => aNode(i, { datacenter: i < 2 ? 'dc1' : 'dc2' }));
    const job = aJob({
      count: 4,
      extra: {
        Datacenters: ['dc1', 'dc2'],
        Spreads: [
          {
            Attribute: '${node.datacenter}',
            Weight: 100,
            SpreadTarget: [
              { Value: 'dc1', Percent: 50 },
              { Value: 'dc2', Percent: 50 },
            ],
          },
        ],
      },
    });
    const plan = run({ nodes: world, jobs: [job] });
    const perDc = plan.placements.map((p) => world.find((n) => n.id === p.nodeId)!.datacenter);
    expect(perDc.filter((d) => d === 'dc1')).toHaveLength(2);
  });

  it.each<[Record<string, number>, string, number]>([
    [{}, 'a', 0],
    [{ a: 1 }, 'b', 1], // an unused value
    [{ a: 1, b: 1 }, 'a', -1], // all equal: adding makes it uneven
    [{ a: 2, b: 1 }, 'a', -1], // (min − count) / min
    [{ a: 3, b: 1 }, 'b', 2], // at the minimum: (max − min) / min
  ])('even spread boost for %j on %s is %d', (counts, value, boost) => {
    expect(evenBoost(new Map(Object.entries(counts)), value)).toBe(boost);
  });

  it('penalizes a node already running the group (job anti-affinity)', () => {
    const job = aJob({ count: 4 });
    const world = [aNode(0), aNode(1)];
    const allocs = [anAlloc(job, 0, world[0]!)];
    const plan = run({
      nodes: world,
      jobs: [{ ...job, TaskGroups: job.TaskGroups!.map((g) => ({ ...g, Count: 2 })) }],
      allocs,
    });
    const scores = plan.placements[0]!.metrics.ScoreMetaData!.find(
      (s) => s.NodeID === 'node-0000',
    )!.Scores;
    expect(scores['job-anti-affinity']).toBe(-(1 + 1) / 2);
    expect(plan.placements[0]!.nodeId).toBe('node-0001');
  });
});
