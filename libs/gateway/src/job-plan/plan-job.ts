// The plan dry run (Nomad's Job.Plan, nomad-scheduler-semantics.md §5) as one pure function:
// put the submitted job into a copy of the snapshot the way a register would, run the same
// scheduler with AnnotatePlan, and shape what it decided. Nothing here can write: the
// snapshot is plain data and the plan is only read.
import { annotateJobDiff, jobDiff, jobSpecChanged } from '@caravan/domain/jobs';
import {
  inMemorySnapshot,
  schedule,
  type CreatedEvaluation,
  type EvaluationInput,
  type SnapshotData,
} from '@caravan/domain/scheduler';
import type { Job } from '@caravan/nomad-api';
import type { NomadEvaluation } from '@caravan/read-models';
import { GO_ZERO_TIME, type JobPlanResponse } from './plan-response';

/** The index Nomad gives a new job in the snapshot copy (job_endpoint.go Plan). */
export const NEW_JOB_PLAN_INDEX = 100;

export interface PlanJobInput {
  /** canonical and validated, exactly as the register path leaves it */
  submitted: Job;
  /** the current version, or null for a new (or purged) job */
  existing: Job | null;
  /** nodes and allocations at `index`; `jobs` need not contain the planned job */
  snapshot: SnapshotData;
  diff: boolean;
  /** register warnings, already formatted */
  warnings: string;
  /** Unix ms */
  now: number;
  /** the id of the in-memory evaluation (also seeds the scheduler) */
  evalId: string;
  newId?: () => string;
}

export function planJob(input: PlanJobInput): JobPlanResponse {
  const { submitted, existing, snapshot } = input;
  const planned = jobAsRegistered(submitted, existing);
  const jobs = snapshot.jobs.filter(
    (j) => !(j.Namespace === planned.Namespace && j.ID === planned.ID),
  );
  const evaluation: EvaluationInput = {
    id: input.evalId,
    namespace: planned.Namespace,
    jobId: planned.ID,
    type: planned.Type,
    triggeredBy: 'job-register',
    priority: planned.Priority,
    jobModifyIndex: planned === existing ? 0 : planned.JobModifyIndex,
    status: 'pending',
    annotatePlan: true,
  };
  const plan = schedule(inMemorySnapshot({ ...snapshot, jobs: [...jobs, planned] }), evaluation, {
    now: input.now,
    seed: seedOf(input.evalId, snapshot.index),
    newId: input.newId,
  });
  const desired = plan.annotations.DesiredTGUpdates;
  const failed = plan.evaluation.failedTGAllocs;
  const created = [...(plan.blockedEval ? [plan.blockedEval] : []), ...plan.followUpEvals];
  return {
    Annotations: { DesiredTGUpdates: desired, PreemptedAllocs: null },
    FailedTGAllocs: Object.keys(failed).length === 0 ? null : failed,
    JobModifyIndex: existing?.JobModifyIndex ?? 0,
    CreatedEvals: created.length === 0 ? null : created.map((e) => wireEvaluation(e, input.now)),
    Diff: input.diff ? annotateJobDiff(jobDiff(existing, submitted, true), desired) : null,
    NextPeriodicLaunch: GO_ZERO_TIME,
    Warnings: input.warnings,
    Index: snapshot.index,
  };
}

/**
 * What a register would store: a changed spec becomes the next version at the next job
 * index, an identical spec leaves the current job in place (the scheduler then ignores),
 * and a new job is version 0 at Nomad's placeholder index.
 */
function jobAsRegistered(submitted: Job, existing: Job | null): Job {
  if (existing === null) {
    return {
      ...submitted,
      Version: 0,
      CreateIndex: NEW_JOB_PLAN_INDEX,
      ModifyIndex: NEW_JOB_PLAN_INDEX,
      JobModifyIndex: NEW_JOB_PLAN_INDEX,
    };
  }
  if (!jobSpecChanged(existing, submitted)) return existing;
  const index = existing.JobModifyIndex + 1;
  return {
    ...submitted,
    Version: existing.Version + 1,
    CreateIndex: existing.CreateIndex,
    ModifyIndex: index,
    JobModifyIndex: index,
  };
}

function wireEvaluation(e: CreatedEvaluation, now: number): NomadEvaluation {
  const nowNanos = now * 1_000_000;
  return {
    ID: e.id,
    Namespace: e.namespace,
    Priority: e.priority,
    Type: e.type,
    TriggeredBy: e.triggeredBy,
    JobID: e.jobId,
    JobModifyIndex: e.jobModifyIndex,
    NodeID: e.nodeId,
    NodeModifyIndex: 0,
    DeploymentID: '',
    Status: e.status,
    StatusDescription: e.statusDescription,
    Wait: 0,
    WaitUntil: e.waitUntil === null ? GO_ZERO_TIME : new Date(e.waitUntil).toISOString(),
    NextEval: '',
    PreviousEval: e.previousEval,
    BlockedEval: '',
    RelatedEvals: null,
    FailedTGAllocs: e.failedTGAllocs,
    ClassEligibility: e.classEligibility,
    QuotaLimitReached: '',
    EscapedComputedClass: e.escapedComputedClass,
    AnnotatePlan: false,
    QueuedAllocations: null,
    SnapshotIndex: 0,
    CreateIndex: 0,
    ModifyIndex: 0,
    CreateTime: nowNanos,
    ModifyTime: nowNanos,
  };
}

/** A uint32 from the eval id and the index (FNV-1a), so a plan is reproducible in tests. */
function seedOf(evalId: string, index: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${evalId}@${index}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
