import type { RecordedEvent } from '@caravan/event-store';
import { EVALUATION_EVENT_TYPES } from '@caravan/domain/evaluations';
import type { Projection } from '../projection/projection.types';
import type { RecordedEvaluationCreated } from '../jobs/job-events';
import { GO_ZERO_TIME, type NomadEvaluation } from './evaluation.json';
import type { EvaluationRow } from './evaluation.row';

type Handled = RecordedEvaluationCreated;

const isHandled = (event: RecordedEvent): event is Handled =>
  (EVALUATION_EVENT_TYPES as readonly string[]).includes(event.type);

function created(event: RecordedEvaluationCreated): EvaluationRow {
  const { evaluation, jobModifyIndex } = event.data;
  const index = event.logIndex;
  // 'preceding-event': the job version written just before, in the same atomic append.
  const JobModifyIndex = jobModifyIndex === 'preceding-event' ? index - 1 : jobModifyIndex;
  const json: NomadEvaluation = {
    ID: evaluation.ID,
    Namespace: evaluation.Namespace,
    Priority: evaluation.Priority,
    Type: evaluation.Type,
    TriggeredBy: evaluation.TriggeredBy,
    JobID: evaluation.JobID,
    JobModifyIndex,
    NodeID: '',
    NodeModifyIndex: 0,
    DeploymentID: '',
    Status: evaluation.Status,
    StatusDescription: '',
    Wait: 0,
    WaitUntil: GO_ZERO_TIME,
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
    CreateIndex: index,
    ModifyIndex: index,
    CreateTime: evaluation.CreateTime,
    ModifyTime: evaluation.ModifyTime,
  };
  return {
    id: evaluation.ID,
    namespace: evaluation.Namespace,
    jobId: evaluation.JobID,
    status: evaluation.Status,
    createIndex: index,
    modifyIndex: index,
    evaluation: json,
    lastIndex: index,
  };
}

// Only creation so far; status changes arrive with the scheduler's evaluation events.
function evolveEvaluation(row: EvaluationRow | null, event: Handled): EvaluationRow | null {
  return row ?? created(event);
}

/** `rm_evaluations`: one row per evaluation. */
export const evaluationsProjection: Projection<EvaluationRow> = {
  name: 'evaluations',
  table: 'rm_evaluations',
  handles: EVALUATION_EVENT_TYPES,
  key: (event) => (isHandled(event) ? { id: event.data.evaluation.ID } : null),
  evolve: (row, event) => (isHandled(event) ? evolveEvaluation(row, event) : row),
};
