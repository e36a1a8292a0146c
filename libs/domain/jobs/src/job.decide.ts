import type { Job } from '@caravan/nomad-api';
import { assertNever } from '@caravan/domain/shared';
import type { DeregisterJob, EvaluateJob, JobCommand, SetJobStability } from './job.commands';
import { jobErrors } from './job.errors';
import type { JobEvent } from './job.events';
import {
  evaluationCreated,
  getsEvaluations,
  isParameterized,
  isPeriodic,
  JOB_DEFAULT_PRIORITY,
} from './job-evaluation';
import type { JobState } from './job.state';
import {
  COMMIT_ASSIGNED,
  JobDecision,
  pruneFor,
  registerJob,
  revertJob,
} from './register-job.decide';

export function decideJob(command: JobCommand, state: JobState): JobDecision {
  switch (command.type) {
    case 'RegisterJob':
      return registerJob(command, state);
    case 'RevertJob':
      return revertJob(command, state);
    case 'DeregisterJob':
      return deregisterJob(command, state);
    case 'SetJobStability':
      return setJobStability(command, state);
    case 'EvaluateJob':
      return evaluateJob(command, state);
    default:
      return assertNever(command);
  }
}

// Deregistering an unknown job is not an error in Nomad: nothing is written (200, zero indexes).
function deregisterJob(command: DeregisterJob, state: JobState): JobDecision {
  if (state.status !== 'active') return [];
  const { current } = state;
  const ref = { namespace: command.namespace, jobId: command.jobId };
  const evaluation = getsEvaluations(current)
    ? [
        evaluationCreated({
          evalId: command.evalId,
          now: command.now,
          ...ref,
          // Nomad's deregister evaluations are always of type service, whatever the job's type.
          type: 'service',
          priority: deregisterPriority(command.evalPriority, current),
          trigger: 'job-deregister',
          jobModifyIndex: 'preceding-event',
        }),
      ]
    : [];
  if (command.purge) {
    const pruned: JobEvent[] = state.versions.map((v) => ({
      type: 'JobVersionPruned',
      schemaVersion: 1,
      data: { ...ref, version: v.job.Version, reason: 'purge' },
    }));
    return [...pruned, { type: 'JobPurged', schemaVersion: 1, data: ref }, ...evaluation];
  }
  // A stop is a new version even when the job is already stopped: it bypasses the spec comparison.
  const stopped: Job = {
    ...current,
    Stop: true,
    Version: current.Version + 1,
    SubmitTime: command.now,
    ...COMMIT_ASSIGNED,
  };
  const submission =
    state.versions.find((v) => v.job.Version === current.Version)?.submission ?? null;
  return [
    ...pruneFor(state, stopped),
    {
      type: 'JobStopped',
      schemaVersion: 1,
      data: { job: stopped, createIndex: state.createIndex, submission },
    },
    ...evaluation,
  ];
}

function deregisterPriority(override: number | undefined, job: Job): number {
  if (override !== undefined && override > 0) return override;
  return job.Priority > 0 ? job.Priority : JOB_DEFAULT_PRIORITY;
}

// Setting the flag it already has writes nothing. Only the version changes: Nomad also copies
// that version into the live job, which we do not reproduce (nomad-api-semantics.md §2.12).
function setJobStability(command: SetJobStability, state: JobState): JobDecision {
  const tracked =
    state.status === 'active'
      ? state.versions.find((v) => v.job.Version === command.jobVersion)
      : undefined;
  if (!tracked)
    throw jobErrors.versionNotFound(command.jobId, command.namespace, command.jobVersion);
  if (tracked.job.Stable === command.stable) return [];
  return [
    {
      type: 'JobVersionStabilityChanged',
      schemaVersion: 1,
      data: {
        namespace: command.namespace,
        jobId: command.jobId,
        version: command.jobVersion,
        stable: command.stable,
      },
    },
  ];
}

function evaluateJob(command: EvaluateJob, state: JobState): JobDecision {
  if (state.status !== 'active') throw jobErrors.jobNotFound();
  const { current } = state;
  if (isPeriodic(current)) throw jobErrors.cannotEvaluate('periodic');
  if (isParameterized(current)) throw jobErrors.cannotEvaluate('parameterized');
  return [
    evaluationCreated({
      evalId: command.evalId,
      now: command.now,
      namespace: command.namespace,
      jobId: command.jobId,
      type: current.Type,
      priority: current.Priority,
      // Nomad has no dedicated trigger for a forced evaluation.
      trigger: 'job-register',
      jobModifyIndex: state.modifyIndex,
      forceReschedule: command.forceReschedule,
    }),
  ];
}
