import type { RecordedEvent } from '@caravan/event-store';
import { assertNever } from '../projection/assert-never';
import type { Projection, RowKey } from '../projection/projection.types';
import {
  JOB_EVENT_TYPES,
  JobDeregisteredData,
  JobPurgedData,
  JobStoppedData,
  JobVersionRegisteredData,
  NomadJobJson,
} from './job.events';
import type { JobRow } from './job.row';

type JobEvent =
  | RecordedEvent<'JobVersionRegistered', JobVersionRegisteredData>
  | RecordedEvent<'JobStopped', JobStoppedData>
  | RecordedEvent<'JobDeregistered', JobDeregisteredData>
  | RecordedEvent<'JobPurged', JobPurgedData>;

const DEFAULT_NAMESPACE = 'default';

function isJobEvent(event: RecordedEvent): event is JobEvent {
  return (JOB_EVENT_TYPES as readonly string[]).includes(event.type);
}

function jobKey(event: JobEvent): RowKey {
  switch (event.type) {
    case 'JobVersionRegistered':
      return { namespace: event.data.job.Namespace ?? DEFAULT_NAMESPACE, id: event.data.job.ID };
    case 'JobStopped':
    case 'JobDeregistered':
    case 'JobPurged':
      return { namespace: event.data.namespace, id: event.data.jobId };
    default:
      return assertNever(event);
  }
}

function toInt64(value: number | bigint | undefined): bigint {
  if (value === undefined) return 0n;
  return typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
}

// Nomad's status comes from the job's evaluations and allocations, which later events will
// feed; until then a new or re-registered job is pending and a stopped one is dead.
function registered(row: JobRow | null, job: NomadJobJson, index: number): JobRow {
  const stop = job.Stop ?? false;
  const status = stop ? 'dead' : row && row.status !== 'dead' ? row.status : 'pending';
  const namespace = job.Namespace ?? DEFAULT_NAMESPACE;
  const createIndex = row?.createIndex ?? index;
  return {
    namespace,
    id: job.ID,
    name: job.Name ?? job.ID,
    type: job.Type ?? 'service',
    status,
    priority: job.Priority ?? 50,
    stop,
    version: job.Version ?? 0,
    createIndex,
    modifyIndex: index,
    jobModifyIndex: index,
    submitTime: toInt64(job.SubmitTime),
    job: {
      ...job,
      Namespace: namespace,
      Status: status,
      Stop: stop,
      CreateIndex: createIndex,
      ModifyIndex: index,
      JobModifyIndex: index,
    },
    lastIndex: index,
  };
}

// Stopping is a new job version in Nomad, so JobModifyIndex moves with ModifyIndex.
function stopped(row: JobRow | null, index: number, version?: number): JobRow | null {
  if (row === null) return null;
  const nextVersion = version ?? row.version;
  return {
    ...row,
    status: 'dead',
    stop: true,
    version: nextVersion,
    modifyIndex: index,
    jobModifyIndex: index,
    job: {
      ...row.job,
      Status: 'dead',
      Stop: true,
      Version: nextVersion,
      ModifyIndex: index,
      JobModifyIndex: index,
    },
    lastIndex: index,
  };
}

function evolveJob(row: JobRow | null, event: JobEvent): JobRow | null {
  switch (event.type) {
    case 'JobVersionRegistered':
      return registered(row, event.data.job, event.logIndex);
    case 'JobStopped':
      return stopped(row, event.logIndex, event.data.version);
    case 'JobDeregistered':
      return event.data.purge ? null : stopped(row, event.logIndex);
    case 'JobPurged':
      return null;
    default:
      return assertNever(event);
  }
}

/** `rm_jobs`: one row per job (namespace + id), the latest version. */
export const jobsProjection: Projection<JobRow> = {
  name: 'jobs',
  table: 'rm_jobs',
  handles: JOB_EVENT_TYPES,
  key: (event) => (isJobEvent(event) ? jobKey(event) : null),
  evolve: (row, event) => (isJobEvent(event) ? evolveJob(row, event) : row),
};
