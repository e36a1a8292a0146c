import type { Job, JobListStub } from '@caravan/nomad-api';
import type { JobStatus, JobStatusInputs } from '@caravan/domain/jobs';
import { column, defineTable } from '../schema/table-definition';
import type { JobRow } from './job.row';

/** `rm_jobs`: keys in byte order, so the jobs list pages on the primary key (keyset). */
export const JOBS_TABLE = defineTable<JobRow>('rm_jobs', {
  namespace: column.key({ primary: true }),
  id: column.key({ primary: true }),
  name: column.text(),
  type: column.text(),
  status: column.text<JobStatus>(),
  priority: column.integer(),
  stop: column.boolean(),
  version: column.integer(),
  createIndex: column.logIndex('create_index'),
  modifyIndex: column.logIndex('modify_index'),
  jobModifyIndex: column.logIndex('job_modify_index'),
  submitTime: column.int64('submit_time'),
  job: column.jsonb<Job>(),
  // json, not jsonb: the list serves this text as it was written, in Nomad's field order.
  stub: column.json<JobListStub>(),
  statusInputs: column.jsonb<JobStatusInputs>({ name: 'status_inputs' }),
  liveAllocs: column.jsonb<string[]>({ name: 'live_allocs' }),
  lastIndex: column.logIndex('last_index'),
});

export const JobEntity = JOBS_TABLE.entity;
