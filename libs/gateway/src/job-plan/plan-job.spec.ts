import { schedulerFixtures as fx, type SnapshotData } from '@caravan/domain/scheduler';
import type { Job } from '@caravan/nomad-api';
import { planJob, type PlanJobInput } from './plan-job';
import { GO_ZERO_TIME } from './plan-response';

const world = (nodes = 2, allocations: SnapshotData['allocations'] = []): SnapshotData => ({
  index: 42,
  nodes: fx.nodes(nodes),
  allocations,
  jobs: [],
});

const input = (over: Partial<PlanJobInput>): PlanJobInput => ({
  submitted: fx.aJob({ count: 2 }),
  existing: null,
  snapshot: world(),
  diff: false,
  warnings: '',
  now: fx.NOW,
  evalId: 'plan-eval',
  ...over,
});

/** An existing job with `count` running allocations spread over two nodes. */
function running(count: number): { existing: Job; snapshot: SnapshotData } {
  const existing = fx.aJob({ count }, 7, 3);
  const nodes = fx.nodes(2);
  const allocations = Array.from({ length: count }, (_, i) =>
    fx.anAlloc(existing, i, nodes[i % 2]!),
  );
  return { existing, snapshot: { index: 50, nodes, allocations, jobs: [existing] } };
}

describe('planJob', () => {
  it('a new job places its count, with JobModifyIndex 0 and nothing failed', () => {
    const r = planJob(input({}));
    expect(r.Annotations).toEqual({
      DesiredTGUpdates: { web: expect.objectContaining({ Place: 2, Stop: 0, Ignore: 0 }) },
      PreemptedAllocs: null,
    });
    expect(r).toMatchObject({
      FailedTGAllocs: null,
      CreatedEvals: null,
      JobModifyIndex: 0,
      NextPeriodicLaunch: GO_ZERO_TIME,
      Warnings: '',
      Index: 42,
    });
    expect(r.Diff).toBeNull();
  });

  it('a job that cannot fit reports DimensionExhausted and the blocked eval a run would create', () => {
    const r = planJob(input({ submitted: fx.aJob({ count: 1, memory: 1_000_000 }) }));
    expect(r.FailedTGAllocs?.web?.DimensionExhausted).toEqual({ memory: 2 });
    expect(r.CreatedEvals).toHaveLength(1);
    expect(r.CreatedEvals?.[0]).toMatchObject({
      Status: 'blocked',
      StatusDescription: 'created to place remaining allocations',
      // current Nomad's CreateBlockedEval (the API docs' sample predates it)
      TriggeredBy: 'queued-allocs',
      PreviousEval: 'plan-eval',
      JobID: 'web',
    });
  });

  it('a count change on an existing job: placements, in-place updates, the current JobModifyIndex, an Edited diff', () => {
    const { existing, snapshot } = running(2);
    const submitted = fx.aJob({ count: 3 });
    const r = planJob(input({ submitted, existing, snapshot, diff: true }));
    expect(r.Annotations.DesiredTGUpdates.web).toMatchObject({
      Place: 1,
      // the surviving allocations move to the new version without a restart, as in Nomad
      InPlaceUpdate: 2,
    });
    expect(r.JobModifyIndex).toBe(7);
    expect(r.Diff?.Type).toBe('Edited');
    const group = r.Diff?.TaskGroups?.find((g) => g.Name === 'web');
    expect(group?.Fields).toContainEqual(
      expect.objectContaining({ Name: 'Count', Type: 'Edited', Old: '2', New: '3' }),
    );
  });

  it('a scale-down stops the highest indexes', () => {
    const { existing, snapshot } = running(3);
    const r = planJob(input({ submitted: fx.aJob({ count: 1 }), existing, snapshot }));
    expect(r.Annotations.DesiredTGUpdates.web).toMatchObject({ Stop: 2, InPlaceUpdate: 1 });
  });

  it('an unchanged spec leaves the current job: everything is ignored and the diff is None', () => {
    const { existing, snapshot } = running(2);
    const r = planJob(input({ submitted: fx.aJob({ count: 2 }), existing, snapshot, diff: true }));
    expect(r.Annotations.DesiredTGUpdates.web).toMatchObject({ Ignore: 2, Place: 0 });
    expect(r.Diff?.Type).toBe('None');
  });

  it('is a function of its inputs: the same inputs give the same answer', () => {
    const { existing, snapshot } = running(2);
    const once = () => planJob(input({ submitted: fx.aJob({ count: 4 }), existing, snapshot }));
    expect(once()).toEqual(once());
  });
});
