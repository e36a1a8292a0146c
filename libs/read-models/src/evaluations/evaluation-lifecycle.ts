import type { EvaluationLifecycleEvent, FollowUpEvaluation } from '@caravan/domain/evaluations';
import type { Nanos } from '@caravan/nomad-api';
import { assertNever } from '@caravan/domain/shared';
import type { Recorded } from '../jobs/job-events';
import { goTime } from '../allocations/go-time';
import { GO_ZERO_TIME, type NomadEvaluation } from './evaluation.json';
import type { EvaluationRow } from './evaluation.row';

// The scheduler's side of an evaluation's life: the evaluations it creates (blocked, delayed,
// failed follow-ups) and the outcomes it writes. Kept apart from creation by a job change.

export type RecordedLifecycle = Recorded<EvaluationLifecycleEvent>;

export function followUpCreated(e: FollowUpEvaluation, index: number): EvaluationRow {
  const json: NomadEvaluation = {
    ID: e.ID,
    Namespace: e.Namespace,
    Priority: e.Priority,
    Type: e.Type,
    TriggeredBy: e.TriggeredBy,
    JobID: e.JobID,
    JobModifyIndex: e.JobModifyIndex,
    NodeID: '',
    NodeModifyIndex: 0,
    DeploymentID: '',
    Status: e.Status,
    StatusDescription: e.StatusDescription,
    Wait: e.Wait,
    WaitUntil: e.WaitUntil === null ? GO_ZERO_TIME : goTime(e.WaitUntil),
    NextEval: '',
    PreviousEval: e.PreviousEval,
    BlockedEval: '',
    RelatedEvals: null,
    FailedTGAllocs: e.FailedTGAllocs,
    ClassEligibility: e.ClassEligibility,
    QuotaLimitReached: '',
    EscapedComputedClass: e.EscapedComputedClass,
    AnnotatePlan: false,
    QueuedAllocations: null,
    SnapshotIndex: e.SnapshotIndex,
    CreateIndex: index,
    ModifyIndex: index,
    CreateTime: e.CreateTime,
    ModifyTime: e.ModifyTime,
  };
  return {
    id: e.ID,
    namespace: e.Namespace,
    jobId: e.JobID,
    status: e.Status,
    createIndex: index,
    modifyIndex: index,
    evaluation: json,
    lastIndex: index,
  };
}

function updated(
  row: EvaluationRow,
  fields: Partial<NomadEvaluation> & { Status: string; ModifyTime: Nanos },
  index: number,
): EvaluationRow {
  const evaluation = { ...row.evaluation, ...fields, ModifyIndex: index };
  return { ...row, status: fields.Status, modifyIndex: index, evaluation };
}

/** An outcome, cancellation or unblock applied to an existing evaluation's row. */
export function lifecycleChanged(
  row: EvaluationRow,
  event: Exclude<RecordedLifecycle, { type: 'EvaluationFollowUpCreated' }>,
): EvaluationRow {
  const index = event.logIndex;
  switch (event.type) {
    case 'EvaluationCompleted':
    case 'EvaluationFailed':
    case 'EvaluationBlocked': {
      const d = event.data;
      return updated(
        row,
        {
          Status: d.Status,
          StatusDescription: d.StatusDescription,
          QueuedAllocations: d.QueuedAllocations,
          FailedTGAllocs: d.FailedTGAllocs,
          SnapshotIndex: d.SnapshotIndex,
          NextEval: d.NextEval,
          BlockedEval: d.BlockedEval,
          ClassEligibility: d.ClassEligibility,
          EscapedComputedClass: d.EscapedComputedClass,
          DeploymentID: d.DeploymentID,
          ModifyTime: d.ModifyTime,
        },
        index,
      );
    }
    case 'EvaluationCanceled':
      return updated(
        row,
        {
          Status: event.data.Status,
          StatusDescription: event.data.StatusDescription,
          ModifyTime: event.data.ModifyTime,
        },
        index,
      );
    case 'EvaluationUnblocked':
      // As in Nomad the status stays `blocked` until the scheduler processes it again.
      return row;
    default:
      return assertNever(event);
  }
}
