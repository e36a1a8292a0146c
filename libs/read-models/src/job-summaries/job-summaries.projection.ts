import type { RecordedEvent } from '@caravan/event-store';
import type { TaskGroupSummary } from '@caravan/nomad-api';
import { JOB_EVENT_TYPES } from '@caravan/domain/jobs';
import { assertNever } from '@caravan/domain/shared';
import type { Projection } from '../projection/projection.types';
import { jobKeyOf, type RecordedJobEvent, type RecordedVersionCreated } from '../jobs/job-events';
import type { JobSummaryRow } from './job-summary.row';
import { isStatusEvent, jobOfPartition, type RecordedStatusEvent } from '../jobs/job-status.events';
import { allocPlaced, allocStatusChanged, queuedSet } from './summary-counts';

const EMPTY_GROUP: TaskGroupSummary = {
  Queued: 0,
  Complete: 0,
  Failed: 0,
  Running: 0,
  Starting: 0,
  Lost: 0,
  Unknown: 0,
};

const isJobEvent = (event: RecordedEvent): event is RecordedJobEvent =>
  (JOB_EVENT_TYPES as readonly string[]).includes(event.type);

// Created at the first version with a zeroed entry per group; later versions add new groups
// and never remove any (Nomad's updateSummaryWithJob). Children is always present.
function versionCreated(row: JobSummaryRow | null, event: RecordedVersionCreated): JobSummaryRow {
  const { job } = event.data;
  const index = event.logIndex;
  const groups = (job.TaskGroups ?? []).map((g) => g.Name);
  if (row) {
    const added = groups.filter((name) => !(name in row.summary.Summary));
    if (added.length === 0) return row;
    const Summary = { ...row.summary.Summary };
    for (const name of added) Summary[name] = { ...EMPTY_GROUP };
    return { ...row, modifyIndex: index, summary: { ...row.summary, Summary, ModifyIndex: index } };
  }
  return {
    namespace: job.Namespace,
    jobId: job.ID,
    createIndex: index,
    modifyIndex: index,
    summary: {
      JobID: job.ID,
      Namespace: job.Namespace,
      Summary: Object.fromEntries(groups.map((name) => [name, { ...EMPTY_GROUP }])),
      Children: { Pending: 0, Running: 0, Dead: 0 },
      CreateIndex: index,
      ModifyIndex: index,
    },
    allocs: {},
    lastIndex: index,
  };
}

function evolveSummary(row: JobSummaryRow | null, event: RecordedJobEvent): JobSummaryRow | null {
  switch (event.type) {
    case 'JobVersionRegistered':
    case 'JobReverted':
    case 'JobStopped':
      return versionCreated(row, event);
    case 'JobPurged':
      return null;
    case 'JobVersionPruned':
    case 'JobVersionStabilityChanged':
      return row;
    default:
      return assertNever(event);
  }
}

function countEvent(row: JobSummaryRow | null, event: RecordedStatusEvent): JobSummaryRow | null {
  if (row === null) return row;
  const index = event.logIndex;
  switch (event.type) {
    case 'AllocationPlaced': {
      const a = event.data.allocation;
      return allocPlaced(row, a.ID, a.TaskGroup, index);
    }
    case 'AllocationClientStatusUpdated':
      return allocStatusChanged(row, event.data.ID, event.data.ClientStatus, index);
    case 'AllocationStopRequested':
      // the server decides the client state itself for lost and disconnected nodes
      return event.data.ClientStatus === null
        ? row
        : allocStatusChanged(row, event.data.ID, event.data.ClientStatus, index);
    case 'EvaluationCompleted':
    case 'EvaluationFailed':
    case 'EvaluationBlocked':
      return queuedSet(row, event.data.QueuedAllocations, index);
    case 'AllocationUpdatedInPlace':
    case 'AllocationReplaced':
    case 'AllocationRescheduleDeferred':
    case 'AllocationMigrateRequested':
    case 'EvaluationCanceled':
    case 'EvaluationUnblocked':
    case 'EvaluationFollowUpCreated':
      return row;
    default:
      return assertNever(event);
  }
}

const COUNTED: readonly string[] = [
  'AllocationPlaced',
  'AllocationClientStatusUpdated',
  'AllocationStopRequested',
  'EvaluationCompleted',
  'EvaluationFailed',
  'EvaluationBlocked',
];

/** `rm_job_summaries`: one JobSummary per job (namespace + id). */
export const jobSummariesProjection: Projection<JobSummaryRow> = {
  name: 'job-summaries',
  table: 'rm_job_summaries',
  handles: ['JobVersionRegistered', 'JobReverted', 'JobStopped', 'JobPurged', ...COUNTED],
  key: (event) => {
    if (isStatusEvent(event)) {
      const { namespace, id } = jobOfPartition(event);
      return { namespace, jobId: id };
    }
    if (!isJobEvent(event)) return null;
    const { namespace, id } = jobKeyOf(event);
    return { namespace, jobId: id };
  },
  evolve: (row, event) => {
    if (isStatusEvent(event)) return countEvent(row, event);
    return isJobEvent(event) ? evolveSummary(row, event) : row;
  },
};
