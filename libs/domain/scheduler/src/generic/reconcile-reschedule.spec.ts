import { aJob, anAlloc, anEval, NOW, run } from '../testing/scheduler-builders';
import { desired, n0, n1, ns, running, summary, v1 } from '../testing/plan-views.fixture';

// Failed allocations: reschedule now, later (delayed follow-up evals) or never, per policy;
// and batch jobs, whose completed allocations are done.

describe('reconcile: reschedule', () => {
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
