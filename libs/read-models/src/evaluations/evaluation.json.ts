import type { Nanos } from '@caravan/nomad-api';

/** Nomad's Evaluation as GET /v1/evaluation/:id and /v1/job/:id/evaluations return it. */
export interface NomadEvaluation {
  ID: string;
  Namespace: string;
  Priority: number;
  Type: string;
  TriggeredBy: string;
  JobID: string;
  JobModifyIndex: number;
  NodeID: string;
  NodeModifyIndex: number;
  DeploymentID: string;
  Status: string;
  StatusDescription: string;
  Wait: Nanos;
  /** RFC 3339; the zero time when unset */
  WaitUntil: string;
  NextEval: string;
  PreviousEval: string;
  BlockedEval: string;
  RelatedEvals: unknown[] | null;
  FailedTGAllocs: Record<string, unknown> | null;
  ClassEligibility: Record<string, boolean> | null;
  QuotaLimitReached: string;
  EscapedComputedClass: boolean;
  AnnotatePlan: boolean;
  QueuedAllocations: Record<string, number> | null;
  SnapshotIndex: number;
  CreateIndex: number;
  ModifyIndex: number;
  CreateTime: Nanos;
  ModifyTime: Nanos;
}

export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
