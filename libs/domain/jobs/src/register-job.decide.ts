import type { Job } from '@caravan/nomad-api';
import type { EvaluationCreated } from '@caravan/domain/evaluations';
import type { RegisterJob, RevertJob } from './job.commands';
import { jobErrors } from './job.errors';
import type { JobEvent, JobSubmission, JobVersionPruned } from './job.events';
import {
  evalPriority,
  evaluationCreated,
  getsEvaluations,
  isParameterized,
  isPeriodic,
} from './job-evaluation';
import { versionToPrune } from './job-retention';
import type { ActiveJobState, JobState } from './job.state';
import { jobSpecChanged } from './spec/job-spec-changed';

// Register and revert share Nomad's register path (job_endpoint.go Register): check-and-set,
// update rules, an evaluation unless periodic or parameterized, and a new version only when
// the spec changed. An unchanged spec writes the evaluation alone.

export type JobDecision = (JobEvent | EvaluationCreated)[];

export function registerJob(command: RegisterJob, state: JobState): JobDecision {
  const existing = state.status === 'active' ? state : null;
  if (command.enforceIndex) enforceIndex(command.jobModifyIndex, existing);
  if (existing) validateJobUpdate(existing.current, command.job);
  const job =
    command.preserveCounts && existing
      ? preserveCounts(existing.current, command.job)
      : command.job;
  return registerSpec(
    { job, submission: command.submission ?? null, revertedToVersion: null },
    command,
    existing,
  );
}

export function revertJob(command: RevertJob, state: JobState): JobDecision {
  if (state.status !== 'active') throw jobErrors.jobNotFoundQuoted(command.jobId);
  const current = state.current.Version;
  if (command.jobVersion === current) throw jobErrors.revertToCurrent();
  const target = state.versions.find((v) => v.job.Version === command.jobVersion);
  if (!target)
    throw jobErrors.versionNotFound(command.jobId, command.namespace, command.jobVersion);
  const prior = command.enforcePriorVersion;
  if (prior !== undefined && prior !== null && prior !== current)
    throw jobErrors.priorVersionMismatch(current, prior);
  // The old version is admitted again as a fresh registration: untagged, not yet stable.
  const job: Job = { ...target.job, VersionTag: null, Stable: false };
  return registerSpec(
    { job, submission: target.submission, revertedToVersion: target.job.Version },
    command,
    state,
  );
}

interface Registration {
  job: Job;
  submission: JobSubmission | null;
  revertedToVersion: number | null;
}

function registerSpec(
  registration: Registration,
  command: RegisterJob | RevertJob,
  existing: ActiveJobState | null,
): JobDecision {
  const submitted = registration.job;
  const evaluation = (jobModifyIndex: number | 'preceding-event'): EvaluationCreated[] =>
    getsEvaluations(submitted)
      ? [
          evaluationCreated({
            evalId: command.evalId,
            now: command.now,
            namespace: submitted.Namespace,
            jobId: submitted.ID,
            type: submitted.Type,
            priority: evalPriority(
              command.type === 'RegisterJob' ? command.evalPriority : undefined,
              submitted,
            ),
            trigger: 'job-register',
            jobModifyIndex,
          }),
        ]
      : [];

  if (existing && !jobSpecChanged(existing.current, submitted))
    return evaluation(existing.jobModifyIndex);

  const job: Job = {
    ...submitted,
    Version: nextVersion(existing?.current ?? null, submitted),
    SubmitTime: command.now,
    Stable: false,
    ...COMMIT_ASSIGNED,
  };
  const versionEvent: JobEvent =
    registration.revertedToVersion !== null && existing
      ? {
          type: 'JobReverted',
          schemaVersion: 1,
          data: {
            job,
            createIndex: existing.createIndex,
            submission: registration.submission,
            revertedToVersion: registration.revertedToVersion,
          },
        }
      : {
          type: 'JobVersionRegistered',
          schemaVersion: 1,
          data: {
            job,
            createIndex: existing?.createIndex ?? null,
            submission: registration.submission,
          },
        };
  // Pruning goes first so the version event sits right before its evaluation (see evaluation.events.ts).
  return [...pruneFor(existing, job), versionEvent, ...evaluation('preceding-event')];
}

/** Fields the read models fill in: log indexes assigned at commit, and the derived status. */
export const COMMIT_ASSIGNED = {
  Status: '',
  StatusDescription: '',
  CreateIndex: 0,
  ModifyIndex: 0,
  JobModifyIndex: 0,
} as const;

export function pruneFor(existing: ActiveJobState | null, added: Job): JobVersionPruned[] {
  if (!existing) return [];
  const version = versionToPrune([added, ...existing.versions.map((v) => v.job)]);
  if (version === null) return [];
  return [
    {
      type: 'JobVersionPruned',
      schemaVersion: 1,
      data: { namespace: added.Namespace, jobId: added.ID, version, reason: 'retention' },
    },
  ];
}

function nextVersion(current: Job | null, submitted: Job): number {
  if (!current) return submitted.Version ?? 0;
  return submitted.Version > current.Version ? submitted.Version : current.Version + 1;
}

// EnforceIndex: index 0 means "must not exist"; otherwise it must equal JobModifyIndex.
function enforceIndex(index: number, existing: ActiveJobState | null): void {
  if (index === 0) {
    if (existing) throw jobErrors.enforceMustBeNew();
    return;
  }
  if (!existing) throw jobErrors.enforceMissing(index);
  if (existing.jobModifyIndex !== index)
    throw jobErrors.enforceConflict(index, existing.jobModifyIndex);
}

function validateJobUpdate(current: Job, next: Job): void {
  if (current.Type !== next.Type)
    throw jobErrors.invalidUpdate(
      `cannot update job from type "${current.Type}" to "${next.Type}"`,
    );
  if (isPeriodic(current) && !isPeriodic(next))
    throw jobErrors.invalidUpdate('cannot update periodic job to being non-periodic');
  if (!isPeriodic(current) && isPeriodic(next))
    throw jobErrors.invalidUpdate('cannot update non-periodic job to being periodic');
  if (isParameterized(current) && !isParameterized(next))
    throw jobErrors.invalidUpdate('cannot update parameterized job to being non-parameterized');
  if (!isParameterized(current) && isParameterized(next))
    throw jobErrors.invalidUpdate('cannot update non-parameterized job to being parameterized');
}

// Nomad copies the counts before comparing specs, so a register that differs only in counts
// is unchanged under PreserveCounts.
function preserveCounts(current: Job, next: Job): Job {
  const counts = new Map((current.TaskGroups ?? []).map((g) => [g.Name, g.Count]));
  return {
    ...next,
    TaskGroups:
      next.TaskGroups?.map((g) => {
        const count = counts.get(g.Name);
        return count === undefined ? g : { ...g, Count: count };
      }) ?? null,
  };
}
