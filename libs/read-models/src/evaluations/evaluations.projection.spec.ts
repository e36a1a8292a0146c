import { aJob } from '@caravan/domain/jobs';
import { foldEvents } from '../projection/fold-events';
import { cmd, history, T0 } from '../jobs/job-history.fixture';
import { evaluationsProjection } from './evaluations.projection';

const evals = (log: ReturnType<typeof history>) =>
  [...foldEvents(evaluationsProjection, log).values()].sort(
    (a, b) => a.createIndex - b.createIndex,
  );

describe('evaluations projection (rm_evaluations)', () => {
  it("Nomad's Evaluation JSON, JobModifyIndex resolved to the job version appended with it", () =>
    expect(evals(history(cmd.register()))).toEqual([
      {
        id: 'eval-0',
        namespace: 'default',
        jobId: 'web',
        status: 'pending',
        createIndex: 2,
        modifyIndex: 2,
        lastIndex: 2,
        evaluation: {
          ID: 'eval-0',
          Namespace: 'default',
          Priority: 50,
          Type: 'service',
          TriggeredBy: 'job-register',
          JobID: 'web',
          JobModifyIndex: 1,
          NodeID: '',
          NodeModifyIndex: 0,
          DeploymentID: '',
          Status: 'pending',
          StatusDescription: '',
          Wait: 0,
          WaitUntil: '0001-01-01T00:00:00Z',
          NextEval: '',
          PreviousEval: '',
          BlockedEval: '',
          RelatedEvals: null,
          FailedTGAllocs: null,
          ClassEligibility: null,
          QuotaLimitReached: '',
          EscapedComputedClass: false,
          AnnotatePlan: false,
          QueuedAllocations: null,
          SnapshotIndex: 0,
          CreateIndex: 2,
          ModifyIndex: 2,
          CreateTime: T0,
          ModifyTime: T0,
        },
      },
    ]));

  it('unchanged register and evaluate carry the known index; deregister evals are service type', () => {
    // 1 v0, 2 eval-0, 3 eval-1 (unchanged), 4 JobStopped v1, 5 eval-2, 6 eval-3 (evaluate)
    const rows = evals(
      history(
        cmd.register(aJob({ Type: 'batch' })),
        cmd.register(aJob({ Type: 'batch' })),
        cmd.stop(),
        cmd.evaluate(),
      ),
    );
    expect(
      rows.map((r) => [
        r.id,
        r.evaluation.TriggeredBy,
        r.evaluation.Type,
        r.evaluation.JobModifyIndex,
      ]),
    ).toEqual([
      ['eval-0', 'job-register', 'batch', 1],
      ['eval-1', 'job-register', 'batch', 1],
      ['eval-2', 'job-deregister', 'service', 4],
      ['eval-3', 'job-register', 'batch', 4],
    ]);
  });

  it('a replay changes nothing', () => {
    const log = history(cmd.register(), cmd.purge());
    expect(evals([...log, ...log])).toEqual(evals(log));
  });
});
