import type { RecordedEvent } from '@caravan/event-store';
import { deriveJobStatus, JOB_EVENT_TYPES, NO_STATUS_INPUTS } from '@caravan/domain/jobs';
import { assertNever } from '@caravan/domain/shared';
import type { Projection, RowKey } from '../projection/projection.types';
import { createIndexOf, jobKeyOf, type RecordedJobEvent } from '../jobs/job-events';
import type { JobVersionRow } from './job-version.row';

const isJobEvent = (event: RecordedEvent): event is RecordedJobEvent =>
  (JOB_EVENT_TYPES as readonly string[]).includes(event.type);

function keyOf(event: RecordedJobEvent): RowKey | null {
  const { namespace, id } = jobKeyOf(event);
  switch (event.type) {
    case 'JobVersionRegistered':
    case 'JobReverted':
    case 'JobStopped':
      return { namespace, jobId: id, version: event.data.job.Version };
    case 'JobVersionPruned':
    case 'JobVersionStabilityChanged':
      return { namespace, jobId: id, version: event.data.version };
    case 'JobPurged':
      return null; // a purge prunes each version with its own event first
    default:
      return assertNever(event);
  }
}

// A version's Status is what the job alone says at insert time (no evaluations yet); the live
// status is rm_jobs'. Its indexes are those of the event that created it.
function evolveVersion(row: JobVersionRow | null, event: RecordedJobEvent): JobVersionRow | null {
  switch (event.type) {
    case 'JobVersionRegistered':
    case 'JobReverted':
    case 'JobStopped': {
      const { job, submission } = event.data;
      const index = event.logIndex;
      return {
        namespace: job.Namespace,
        jobId: job.ID,
        version: job.Version,
        stable: job.Stable,
        modifyIndex: index,
        job: {
          ...job,
          Status: deriveJobStatus(job, NO_STATUS_INPUTS),
          CreateIndex: createIndexOf(event),
          ModifyIndex: index,
          JobModifyIndex: index,
        },
        submission,
        lastIndex: index,
      };
    }
    case 'JobVersionStabilityChanged':
      if (row === null || row.stable === event.data.stable) return row;
      return {
        ...row,
        stable: event.data.stable,
        modifyIndex: event.logIndex,
        job: { ...row.job, Stable: event.data.stable, ModifyIndex: event.logIndex },
      };
    case 'JobVersionPruned':
    case 'JobPurged':
      return null;
    default:
      return assertNever(event);
  }
}

/** `rm_job_versions`: one row per tracked version (namespace, job id, version). */
export const jobVersionsProjection: Projection<JobVersionRow> = {
  name: 'job-versions',
  table: 'rm_job_versions',
  handles: JOB_EVENT_TYPES,
  key: (event) => (isJobEvent(event) ? keyOf(event) : null),
  evolve: (row, event) => (isJobEvent(event) ? evolveVersion(row, event) : row),
};
