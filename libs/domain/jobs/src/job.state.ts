import type { Job } from '@caravan/nomad-api';
import { assertNever } from '@caravan/domain/shared';
import type { EvaluationCreated } from '@caravan/domain/evaluations';
import type { JobEvent, JobSubmission, JobVersionCreated } from './job.events';

// What `decide` needs to know about one job: the current version, the tracked versions (for
// revert, stability and retention) and the log indexes Nomad's check-and-set compares.

export interface TrackedVersion {
  /** the job at that version; `Stable` and `VersionTag` live here */
  job: Job;
  submission: JobSubmission | null;
}

export type JobState =
  /** never registered */
  | { status: 'absent' }
  | {
      status: 'active';
      current: Job;
      /** log index of the event that created this incarnation of the job */
      createIndex: number;
      /** log index of the last version-creating event (Nomad's JobModifyIndex) */
      jobModifyIndex: number;
      /** log index of the last event of the stream that changed the job (ModifyIndex, minus status changes) */
      modifyIndex: number;
      /** newest first */
      versions: TrackedVersion[];
    }
  /** purged; a new register starts a fresh incarnation */
  | { status: 'purged' };

export type ActiveJobState = Extract<JobState, { status: 'active' }>;

export const initialJobState = (): JobState => ({ status: 'absent' });

/** Evaluations are decided here but live in their own streams: the job state ignores them. */
export function evolveJob(
  state: JobState,
  event: JobEvent | EvaluationCreated,
  logIndex: number,
): JobState {
  switch (event.type) {
    case 'JobVersionRegistered':
    case 'JobReverted':
    case 'JobStopped':
      return versionCreated(state, event, logIndex);
    case 'JobVersionPruned':
      if (state.status !== 'active') return state;
      return {
        ...state,
        versions: state.versions.filter((v) => v.job.Version !== event.data.version),
      };
    case 'JobVersionStabilityChanged':
      return state.status === 'active' ? stabilityChanged(state, event.data, logIndex) : state;
    case 'JobPurged':
      return { status: 'purged' };
    case 'EvaluationCreated':
      return state;
    default:
      return assertNever(event);
  }
}

function versionCreated(state: JobState, event: JobVersionCreated, logIndex: number): JobState {
  const { job, submission } = event.data;
  const older =
    state.status === 'active' ? state.versions.filter((v) => v.job.Version !== job.Version) : [];
  return {
    status: 'active',
    current: job,
    createIndex: state.status === 'active' ? state.createIndex : logIndex,
    jobModifyIndex: logIndex,
    modifyIndex: logIndex,
    versions: [{ job, submission }, ...older].sort((a, b) => b.job.Version - a.job.Version),
  };
}

function stabilityChanged(
  state: ActiveJobState,
  change: { version: number; stable: boolean },
  logIndex: number,
): JobState {
  const mark = (job: Job): Job =>
    job.Version === change.version ? { ...job, Stable: change.stable } : job;
  return {
    ...state,
    current: mark(state.current),
    modifyIndex: logIndex,
    versions: state.versions.map((v) => ({ ...v, job: mark(v.job) })),
  };
}
