import type { RecordedEvent } from '@caravan/event-store';
import {
  EVALUATION_EVENT_TYPES,
  EVALUATION_LIFECYCLE_EVENT_TYPES,
} from '@caravan/domain/evaluations';
import type { Projection } from '../projection/projection.types';
import type { RecordedEvaluationCreated } from '../jobs/job-events';
import { GO_ZERO_TIME, type NomadEvaluation } from './evaluation.json';
import type { EvaluationRow } from './evaluation.row';
import { followUpCreated, lifecycleChanged, type RecordedLifecycle } from './evaluation-lifecycle';

type Handled = RecordedEvaluationCreated | RecordedLifecycle;

const HANDLES: readonly string[] = [...EVALUATION_EVENT_TYPES, ...EVALUATION_LIFECYCLE_EVENT_TYPES];

const isHandled = (event: RecordedEvent): event is Handled => HANDLES.includes(event.type);

function idOf(event: Handled): string {
  if (event.type === 'EvaluationCreated' || event.type === 'EvaluationFollowUpCreated')
    return event.data.evaluation.ID;
  return event.data.ID;
}

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

function evolveEvaluation(row: EvaluationRow | null, event: Handled): EvaluationRow | null {
  if (event.type === 'EvaluationCreated') return row ?? created(event);
  if (event.type === 'EvaluationFollowUpCreated')
    return row ?? followUpCreated(event.data.evaluation, event.logIndex);
  return row === null ? null : lifecycleChanged(row, event);
}

/** `rm_evaluations`: one row per evaluation. */
export const evaluationsProjection: Projection<EvaluationRow> = {
  name: 'evaluations',
  table: 'rm_evaluations',
  handles: HANDLES,
  key: (event) => (isHandled(event) ? { id: idOf(event) } : null),
  evolve: (row, event) => (isHandled(event) ? evolveEvaluation(row, event) : row),
};
