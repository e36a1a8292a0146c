import type { AllocMetric } from '@caravan/domain/allocations';
import type { Nanos } from '@caravan/nomad-api';
import type { EvaluationTrigger } from './evaluation.events';

// What happens to an evaluation after it is created: the scheduler's outcome, cancellation,
// unblocking, and the evaluations the scheduler itself creates. Kept apart from
// EVALUATION_EVENT_TYPES so projections that handle only `EvaluationCreated` keep working;
// each read model opts in to these when it handles them.

/** Nomad's outcome fields, as the worker writes them with `Eval.Update` / `Eval.Reblock`. */
export interface EvaluationOutcome {
  StatusDescription: string;
  /** task group → allocations still unplaced after this evaluation */
  QueuedAllocations: Record<string, number> | null;
  /** task group → the metric of its failed placements (later failures only coalesce) */
  FailedTGAllocs: Record<string, AllocMetric> | null;
  /** the scheduler state's log index the plan was computed against */
  SnapshotIndex: number;
  NextEval: string;
  BlockedEval: string;
  /** computed node class → explicitly eligible (true) or ineligible (false) */
  ClassEligibility: Record<string, boolean> | null;
  EscapedComputedClass: boolean;
  DeploymentID: string;
  /** Caravan: which delivery of the evaluation produced this outcome (1 = first) */
  DeliveryAttempt: number;
  ModifyTime: Nanos;
}

export interface EvaluationCompleted {
  type: 'EvaluationCompleted';
  schemaVersion: 1;
  data: EvaluationOutcome & { ID: string; Status: 'complete' };
}

export interface EvaluationFailed {
  type: 'EvaluationFailed';
  schemaVersion: 1;
  data: EvaluationOutcome & { ID: string; Status: 'failed' };
}

/** A blocked evaluation that still cannot place everything is blocked again (`Eval.Reblock`). */
export interface EvaluationBlocked {
  type: 'EvaluationBlocked';
  schemaVersion: 1;
  data: EvaluationOutcome & { ID: string; Status: 'blocked' };
}

export interface EvaluationCanceled {
  type: 'EvaluationCanceled';
  schemaVersion: 1;
  data: { ID: string; Status: 'canceled'; StatusDescription: string; ModifyTime: Nanos };
}

/**
 * Capacity changed in a way that may let a blocked evaluation place. As in Nomad the status
 * stays `blocked` until the scheduler processes it; the event is what re-delivers it.
 */
export interface EvaluationUnblocked {
  type: 'EvaluationUnblocked';
  schemaVersion: 1;
  data: { ID: string; UnblockedAtIndex: number; Reason: string; ModifyTime: Nanos };
}

/** Triggers only the scheduler and leader use for the evaluations they create. */
export type FollowUpTrigger = EvaluationTrigger | 'alloc-reschedule' | 'max-disconnect-timeout';

/** An evaluation created by the scheduler or the broker: blocked, delayed or failed follow-up. */
export interface FollowUpEvaluation {
  ID: string;
  Namespace: string;
  Priority: number;
  Type: string;
  TriggeredBy: FollowUpTrigger;
  JobID: string;
  JobModifyIndex: number;
  Status: 'pending' | 'blocked';
  StatusDescription: string;
  PreviousEval: string;
  /** not delivered before this Unix-ns time (delayed rescheduling); null = at once */
  WaitUntil: Nanos | null;
  /** minimum delay before delivery (failed follow-ups), nanoseconds */
  Wait: Nanos;
  FailedTGAllocs: Record<string, AllocMetric> | null;
  ClassEligibility: Record<string, boolean> | null;
  EscapedComputedClass: boolean;
  SnapshotIndex: number;
  CreateTime: Nanos;
  ModifyTime: Nanos;
}

export interface EvaluationFollowUpCreated {
  type: 'EvaluationFollowUpCreated';
  schemaVersion: 1;
  data: { evaluation: FollowUpEvaluation };
}

export type EvaluationLifecycleEvent =
  | EvaluationCompleted
  | EvaluationFailed
  | EvaluationBlocked
  | EvaluationCanceled
  | EvaluationUnblocked
  | EvaluationFollowUpCreated;

export const EVALUATION_LIFECYCLE_EVENT_TYPES = [
  'EvaluationCompleted',
  'EvaluationFailed',
  'EvaluationBlocked',
  'EvaluationCanceled',
  'EvaluationUnblocked',
  'EvaluationFollowUpCreated',
] as const satisfies readonly EvaluationLifecycleEvent['type'][];

/** Nomad's exact StatusDescription strings. */
export const EVALUATION_DESCRIPTIONS = {
  blockedForPlacement: 'created to place remaining allocations',
  blockedForConflicts: 'created due to placement conflicts',
  delayedReschedule: 'created for delayed rescheduling',
  disconnectTimeout: 'created for delayed disconnect timeout',
  supersededInBroker: 'canceled after more recent eval was processed',
  maxAttempts: (attempts: number) => `maximum attempts reached (${attempts})`,
  deliveryLimit: (limit: number) => `evaluation reached delivery limit (${limit})`,
  duplicateBlocked: (jobId: string) => `existing blocked evaluation exists for job "${jobId}"`,
  supersededBySuccess: (evalId: string) => `evaluation "${evalId}" successful`,
  unknownTrigger: (trigger: string) => `scheduler cannot handle '${trigger}' evaluation reason`,
} as const;
