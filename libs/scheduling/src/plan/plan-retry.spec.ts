import type { SchedulingSnapshot } from '../state/scheduling-state.types';
import type { PlanCommit, PlanResult } from './plan-commit.types';
import {
  failedAfterConflicts,
  planAttemptLimit,
  planWithRetries,
  type PlanLoopPorts,
} from './plan-retry';

const fields = {
  StatusDescription: '',
  QueuedAllocations: { g: 1 },
  FailedTGAllocs: null,
  SnapshotIndex: 4,
  NextEval: '',
  BlockedEval: '',
  ClassEligibility: null,
  EscapedComputedClass: false,
  DeploymentID: '',
  DeliveryAttempt: 1,
  ModifyTime: 5,
};
const planAt = (index: number): PlanCommit => ({
  evaluation: {
    ID: 'e1',
    Namespace: 'default',
    JobID: 'web',
    expectedVersion: 1,
    status: 'pending',
  },
  snapshotIndex: index,
  seed: 's',
  now: 5,
  nodes: [],
  placements: [],
  stops: [],
  inPlaceUpdates: [],
  releases: [],
  deferredReschedules: [],
  outcome: { status: 'complete', fields },
  createEvaluations: [],
  cancelEvaluations: [],
});
const refused: PlanResult = {
  committed: false,
  refusal: { kind: 'node-exhausted', nodeId: 'n1', dimension: 'cpu' },
};

function ports(results: PlanResult[], heads: number[]) {
  const waited: number[] = [];
  let index = 0;
  const p: PlanLoopPorts = {
    waitForIndex: async (i) => {
      waited.push(i);
      index = Math.max(index, i);
      return index;
    },
    snapshot: () => ({ index }) as SchedulingSnapshot,
    headIndex: async () => heads.shift()!,
    apply: async () => results.shift()!,
  };
  return { p, waited };
}

describe('planWithRetries', () => {
  it('plans again on a refreshed snapshot after a conflict, and stops at the first commit', async () => {
    const { p, waited } = ports(
      [refused, { committed: true, firstIndex: 12, lastIndex: 13, released: 0, claimed: 1 }],
      [11],
    );
    const result = await planWithRetries(p, 4, 5, (snap) => planAt(snap.index));
    expect(waited).toEqual([4, 11]);
    expect(result).toMatchObject({
      committed: true,
      attempts: 2,
      lastIndex: 13,
      plan: { snapshotIndex: 11 },
    });
  });

  it('gives up after the attempt limit with every refusal', async () => {
    const { p } = ports([refused, refused], [6]);
    const result = await planWithRetries(p, 4, planAttemptLimit('batch'), (snap) =>
      planAt(snap.index),
    );
    expect(result).toMatchObject({ committed: false, attempts: 2 });
    if (result.committed) return;
    expect(result.refusals).toHaveLength(2);
  });

  it('ends the evaluation failed with a max-plan-attempts blocked evaluation, as Nomad', () => {
    const failed = failedAfterConflicts(planAt(9), 5, {
      ID: 'b1',
      Priority: 50,
      Type: 'service',
      JobModifyIndex: 3,
    });
    expect(failed.outcome).toEqual({
      status: 'failed',
      fields: { ...fields, StatusDescription: 'maximum attempts reached (5)', BlockedEval: 'b1' },
    });
    expect(failed.createEvaluations).toEqual([
      expect.objectContaining({
        ID: 'b1',
        TriggeredBy: 'max-plan-attempts',
        Status: 'blocked',
        StatusDescription: 'created due to placement conflicts',
        PreviousEval: 'e1',
        SnapshotIndex: 9,
      }),
    ]);
    expect(planAttemptLimit('service')).toBe(5);
  });
});
