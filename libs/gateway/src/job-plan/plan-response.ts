// Nomad's JobPlanResponse (api.JobPlanResponse), field for field, as `nomad job plan` reads it.
import type { JobDiff } from '@caravan/domain/jobs';
import type { AllocMetric, DesiredUpdates } from '@caravan/domain/scheduler';

/** Go's zero time.Time: what Nomad sends as NextPeriodicLaunch for a non-periodic job. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** An evaluation the dry run would have created, in Nomad's Evaluation JSON. */
export interface PlannedEvaluation {
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
  Wait: number;
  WaitUntil: string;
  NextEval: string;
  PreviousEval: string;
  BlockedEval: string;
  RelatedEvals: null;
  FailedTGAllocs: Record<string, AllocMetric> | null;
  ClassEligibility: Record<string, boolean> | null;
  QuotaLimitReached: string;
  EscapedComputedClass: boolean;
  AnnotatePlan: boolean;
  QueuedAllocations: null;
  SnapshotIndex: number;
  CreateIndex: number;
  ModifyIndex: number;
  CreateTime: number;
  ModifyTime: number;
}

export interface JobPlanResponse {
  Annotations: {
    DesiredTGUpdates: Record<string, DesiredUpdates>;
    /** preemption is not implemented by the scheduler yet: always nil, as Nomad without it */
    PreemptedAllocs: null;
  };
  FailedTGAllocs: Record<string, AllocMetric> | null;
  JobModifyIndex: number;
  CreatedEvals: PlannedEvaluation[] | null;
  /** null unless asked for (Go's nil pointer, no omitempty) */
  Diff: JobDiff | null;
  NextPeriodicLaunch: string;
  Warnings: string;
  Index: number;
}
