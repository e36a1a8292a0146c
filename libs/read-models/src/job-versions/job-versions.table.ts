import type { Job } from '@caravan/nomad-api';
import type { JobSubmission } from '@caravan/domain/jobs';
import { column, defineTable } from '../schema/table-definition';
import type { JobVersionRow } from './job-version.row';

export const JOB_VERSIONS_TABLE = defineTable<JobVersionRow>('rm_job_versions', {
  namespace: column.key({ primary: true }),
  jobId: column.key({ name: 'job_id', primary: true }),
  version: column.integer({ primary: true }),
  stable: column.boolean(),
  modifyIndex: column.logIndex('modify_index'),
  job: column.jsonb<Job>(),
  submission: column.jsonb<JobSubmission | null>({ nullable: true }),
  lastIndex: column.logIndex('last_index'),
});

export const JobVersionEntity = JOB_VERSIONS_TABLE.entity;
