import { newAllocation } from '@caravan/domain/allocations';
import { planAppends } from './plan-appends';
import type { PlanCommit } from './plan-commit.types';

const fields = {
  StatusDescription: '',
  QueuedAllocations: { g: 0 },
  FailedTGAllocs: null,
  SnapshotIndex: 9,
  NextEval: '',
  BlockedEval: '',
  ClassEligibility: null,
  EscapedComputedClass: false,
  DeploymentID: '',
  DeliveryAttempt: 1,
  ModifyTime: 5,
};

function commit(parts: Partial<PlanCommit>): PlanCommit {
  return {
    evaluation: {
      ID: 'e2',
      Namespace: 'default',
      JobID: 'web',
      expectedVersion: 1,
      status: 'pending',
    },
    snapshotIndex: 9,
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
    ...parts,
  };
}

const summary = (plan: PlanCommit) =>
  planAppends(plan).map((a) => [
    a.stream.id,
    a.expectedVersion,
    a.events.map((e) => e.type).join(),
  ]);

describe('planAppends', () => {
  it('writes a destructive update as place, link, stop, then the outcome last', () => {
    const plan = commit({
      placements: [newAllocation({ ID: 'a2', PreviousAllocation: 'a1' })],
      stops: [
        {
          allocId: 'a1',
          nodeId: 'n1',
          desiredStatus: 'stop',
          description: 'alloc is being updated due to job update',
          clientStatus: null,
          preemptedBy: '',
        },
      ],
      cancelEvaluations: [{ evaluationId: 'e0', description: 'evaluation "e2" successful' }],
    });
    expect(summary(plan)).toEqual([
      ['allocation-a2', 'no_stream', 'AllocationPlaced'],
      ['allocation-a1', 'stream_exists', 'AllocationReplaced'],
      ['allocation-a1', 'stream_exists', 'AllocationStopRequested'],
      ['evaluation-e0', 'stream_exists', 'EvaluationCanceled'],
      ['evaluation-e2', 1, 'EvaluationCompleted'],
    ]);
    expect(planAppends(plan).every((a) => a.stream.partitionKey === 'default/web')).toBe(true);
  });

  it('reblocks a blocked evaluation and refuses to block a pending one', () => {
    const reblock = commit({
      evaluation: {
        ID: 'e2',
        Namespace: 'default',
        JobID: 'web',
        expectedVersion: 3,
        status: 'blocked',
      },
      outcome: { status: 'blocked', fields },
    });
    expect(summary(reblock)).toEqual([['evaluation-e2', 3, 'EvaluationBlocked']]);
    expect(() => planAppends(commit({ outcome: { status: 'blocked', fields } }))).toThrow(
      expect.objectContaining({ code: 'EVALUATION_NOT_BLOCKED' }) as Error,
    );
  });
});
