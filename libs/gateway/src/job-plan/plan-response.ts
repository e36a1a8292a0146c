// Nomad's JobPlanResponse (api.JobPlanResponse), field for field, as `nomad job plan` reads it.
import type { JobDiff } from '@caravan/domain/jobs';
import type { AllocMetric, DesiredUpdates } from '@caravan/domain/scheduler';
import type { NomadEvaluation } from '@caravan/read-models';

/** Go's zero time.Time: what Nomad sends as NextPeriodicLaunch for a non-periodic job. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

export interface JobPlanResponse {
  Annotations: {
    DesiredTGUpdates: Record<string, DesiredUpdates>;
    /** preemption is not implemented by the scheduler yet: always nil, as Nomad without it */
    PreemptedAllocs: null;
  };
  FailedTGAllocs: Record<string, AllocMetric> | null;
  JobModifyIndex: number;
  /** the evaluations the dry run would have created, in Nomad's Evaluation JSON */
  CreatedEvals: NomadEvaluation[] | null;
  /** null unless asked for (Go's nil pointer, no omitempty) */
  Diff: JobDiff | null;
  NextPeriodicLaunch: string;
  Warnings: string;
  Index: number;
}
