import { foldEvents } from '../projection/fold-events';
import { recorded } from '../projection/recorded-event.fixture';
import { cmd, history } from '../jobs/job-history.fixture';
import { evaluationsProjection } from './evaluations.projection';

const outcome = {
  StatusDescription: '',
  QueuedAllocations: { web: 1 },
  FailedTGAllocs: { web: { NodesEvaluated: 3, DimensionExhausted: { memory: 3 } } },
  SnapshotIndex: 2,
  NextEval: '',
  BlockedEval: 'eval-b',
  ClassEligibility: null,
  EscapedComputedClass: false,
  DeploymentID: '',
  DeliveryAttempt: 1,
  ModifyTime: 99,
};
const blocked = {
  ID: 'eval-b',
  Namespace: 'default',
  Priority: 50,
  Type: 'service',
  TriggeredBy: 'queued-allocs',
  JobID: 'web',
  JobModifyIndex: 1,
  Status: 'blocked',
  StatusDescription: 'created to place remaining allocations',
  PreviousEval: 'eval-0',
  WaitUntil: null,
  Wait: 0,
  FailedTGAllocs: outcome.FailedTGAllocs,
  ClassEligibility: null,
  EscapedComputedClass: false,
  SnapshotIndex: 2,
  CreateTime: 98,
  ModifyTime: 98,
};

describe('evaluations projection: the scheduler’s outcomes', () => {
  const log = [
    ...history(cmd.register()),
    recorded(3, 'EvaluationFollowUpCreated', { evaluation: blocked }),
    recorded(4, 'EvaluationCompleted', { ...outcome, ID: 'eval-0', Status: 'complete' }),
    recorded(5, 'EvaluationUnblocked', {
      ID: 'eval-b',
      UnblockedAtIndex: 5,
      Reason: 'x',
      ModifyTime: 1,
    }),
  ];
  const rows = foldEvents(evaluationsProjection, log);
  const byId = (id: string) => [...rows.values()].find((r) => r.id === id)!;

  it('an outcome sets status, FailedTGAllocs, QueuedAllocations, BlockedEval and ModifyIndex', () =>
    expect(byId('eval-0')).toMatchObject({
      status: 'complete',
      createIndex: 2,
      modifyIndex: 4,
      evaluation: {
        Status: 'complete',
        QueuedAllocations: { web: 1 },
        BlockedEval: 'eval-b',
        SnapshotIndex: 2,
        FailedTGAllocs: { web: { DimensionExhausted: { memory: 3 } } },
        ModifyIndex: 4,
        CreateIndex: 2,
      },
    }));

  it('a blocked follow-up is its own evaluation; unblocking leaves it blocked', () =>
    expect(byId('eval-b')).toMatchObject({
      status: 'blocked',
      modifyIndex: 3,
      evaluation: {
        Status: 'blocked',
        TriggeredBy: 'queued-allocs',
        PreviousEval: 'eval-0',
        StatusDescription: 'created to place remaining allocations',
        WaitUntil: '0001-01-01T00:00:00Z',
        CreateIndex: 3,
      },
    }));
});
