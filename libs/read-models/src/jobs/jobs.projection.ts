import type { RecordedEvent } from '@caravan/event-store';
import type { Job } from '@caravan/nomad-api';
import {
  deriveJobStatus,
  JOB_EVENT_TYPES,
  NO_STATUS_INPUTS,
  type JobStatusInputs,
} from '@caravan/domain/jobs';
import { EVALUATION_EVENT_TYPES } from '@caravan/domain/evaluations';
import { assertNever } from '@caravan/domain/shared';
import type { Projection, RowKey } from '../projection/projection.types';
import {
  createIndexOf,
  jobKeyOf,
  type RecordedEvaluationCreated,
  type RecordedJobEvent,
  type RecordedVersionCreated,
} from './job-events';
import type { JobRow } from './job.row';
import { toJobListStub } from './job-list-stub';
import {
  isStatusEvent,
  jobOfPartition,
  STATUS_EVENT_TYPES,
  trackStatus,
  type RecordedStatusEvent,
} from './job-status.events';

type Handled = RecordedJobEvent | RecordedEvaluationCreated | RecordedStatusEvent;

const HANDLES: readonly string[] = [
  ...JOB_EVENT_TYPES,
  ...EVALUATION_EVENT_TYPES,
  ...STATUS_EVENT_TYPES,
];
const isHandled = (event: RecordedEvent): event is Handled => HANDLES.includes(event.type);

function keyOf(event: Handled): RowKey {
  if (isStatusEvent(event)) return jobOfPartition(event);
  if (event.type === 'EvaluationCreated') {
    const { Namespace, JobID } = event.data.evaluation;
    return { namespace: Namespace, id: JobID };
  }
  return jobKeyOf(event);
}

/** The row with a new status, JSON and ModifyIndex; ModifyIndex moves only if status changed. */
function withStatus(
  row: JobRow,
  job: Job,
  inputs: JobStatusInputs,
  index: number,
  force: boolean,
): JobRow {
  const status = deriveJobStatus(job, inputs);
  const modifyIndex = force || status !== row.status ? index : row.modifyIndex;
  const served: Job = {
    ...job,
    Status: status,
    CreateIndex: row.createIndex,
    ModifyIndex: modifyIndex,
    JobModifyIndex: row.jobModifyIndex,
  };
  return {
    ...row,
    status,
    statusInputs: inputs,
    modifyIndex,
    job: served,
    stub: toJobListStub(served, null, false),
  };
}

function versionCreated(row: JobRow | null, event: RecordedVersionCreated): JobRow {
  const { job } = event.data;
  const index = event.logIndex;
  const base: JobRow = {
    namespace: job.Namespace,
    id: job.ID,
    name: job.Name,
    type: job.Type,
    status: row?.status ?? 'pending',
    priority: job.Priority,
    stop: job.Stop,
    version: job.Version,
    createIndex: row?.createIndex ?? createIndexOf(event),
    modifyIndex: index,
    jobModifyIndex: index,
    submitTime: BigInt(job.SubmitTime),
    job,
    stub: toJobListStub(job, null, false),
    statusInputs: row?.statusInputs ?? NO_STATUS_INPUTS,
    liveAllocs: row?.liveAllocs ?? [],
    lastIndex: index,
  };
  return withStatus(base, job, base.statusInputs, index, true);
}

// Nomad's /stable also writes that version over the live job; we only mirror the flag when it
// is the current version (nomad-api-semantics.md §2.12).
function stabilityChanged(row: JobRow, version: number, stable: boolean, index: number): JobRow {
  if (row.version !== version || row.job.Stable === stable) return row;
  return withStatus(row, { ...row.job, Stable: stable }, row.statusInputs, index, true);
}

/** An allocation or scheduler evaluation event: only the status (and ModifyIndex) can move. */
function statusEvent(row: JobRow | null, event: RecordedStatusEvent): JobRow | null {
  if (row === null) return row;
  const track = { inputs: row.statusInputs, liveAllocs: row.liveAllocs };
  const next = trackStatus(track, event);
  if (next === track) return row;
  const moved = withStatus(row, row.job, next.inputs, event.logIndex, false);
  return { ...moved, liveAllocs: [...next.liveAllocs] };
}

function evolveJob(row: JobRow | null, event: Handled): JobRow | null {
  if (isStatusEvent(event)) return statusEvent(row, event);
  switch (event.type) {
    case 'JobVersionRegistered':
    case 'JobReverted':
    case 'JobStopped':
      return versionCreated(row, event);
    case 'JobVersionStabilityChanged':
      return row && stabilityChanged(row, event.data.version, event.data.stable, event.logIndex);
    case 'JobPurged':
      return null;
    case 'JobVersionPruned':
      return row;
    case 'EvaluationCreated': {
      if (row === null) return row; // the deregister eval of a purge, or an unknown job
      const inputs = {
        ...row.statusInputs,
        nonTerminalEvals: row.statusInputs.nonTerminalEvals + 1,
      };
      return withStatus(row, row.job, inputs, event.logIndex, false);
    }
    default:
      return assertNever(event);
  }
}

/** `rm_jobs`: one row per job (namespace + id), its current version as GET /v1/job/:id shows it. */
export const jobsProjection: Projection<JobRow> = {
  name: 'jobs',
  table: 'rm_jobs',
  handles: HANDLES,
  key: (event) => (isHandled(event) ? keyOf(event) : null),
  evolve: (row, event) => (isHandled(event) ? evolveJob(row, event) : row),
};
