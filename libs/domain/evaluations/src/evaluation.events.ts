import type { Nanos } from '@caravan/nomad-api';

// An evaluation is the unit of scheduler work: "look at this job again". Each has its own
// stream; the job decider creates it together with the job change that caused it.

/** Why an evaluation exists (Nomad's `TriggeredBy`). */
export type EvaluationTrigger =
  | 'job-register'
  | 'job-deregister'
  | 'periodic-job'
  | 'node-update'
  | 'node-drain'
  | 'alloc-stop'
  | 'scheduled'
  | 'rolling-update'
  | 'deployment-watcher'
  | 'failed-follow-up'
  | 'max-plan-attempts'
  | 'alloc-failure'
  | 'queued-allocs'
  | 'preemption'
  | 'job-scaling'
  | 'reconnect';

export type EvaluationStatus = 'blocked' | 'pending' | 'complete' | 'failed' | 'canceled';

/**
 * What an evaluation is when it is created, in Nomad's field names. The indexes (CreateIndex,
 * ModifyIndex) are log indexes assigned at commit, so the read model adds them.
 */
export interface NewEvaluation {
  ID: string;
  Namespace: string;
  Priority: number;
  Type: string;
  TriggeredBy: EvaluationTrigger;
  JobID: string;
  Status: 'pending';
  /** Unix nanoseconds */
  CreateTime: Nanos;
  ModifyTime: Nanos;
}

/**
 * `preceding-event`: the job version written by the same atomic append, immediately before
 * this event. The decider cannot know that index (it is assigned at commit), but one append is
 * one transaction and the log orders a transaction's events contiguously in append order, so
 * it is this event's log index minus one. See `planJobAppends`, which keeps that order.
 */
export type EvaluationJobModifyIndex = number | 'preceding-event';

export interface EvaluationCreatedData {
  evaluation: NewEvaluation;
  jobModifyIndex: EvaluationJobModifyIndex;
  /** `/evaluate` with ForceReschedule: failed allocations of the job may be rescheduled now */
  forceReschedule?: boolean;
}

export interface EvaluationCreated {
  type: 'EvaluationCreated';
  schemaVersion: 1;
  data: EvaluationCreatedData;
}

export type EvaluationEvent = EvaluationCreated;

export const EVALUATION_EVENT_TYPES = ['EvaluationCreated'] as const;
