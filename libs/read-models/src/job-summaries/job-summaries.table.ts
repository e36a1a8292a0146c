import type { JobSummary } from '@caravan/nomad-api';
import { column, defineTable } from '../schema/table-definition';
import type { JobSummaryRow } from './job-summary.row';

/** Keys in byte order like rm_jobs, which the jobs list joins on. */
export const JOB_SUMMARIES_TABLE = defineTable<JobSummaryRow>('rm_job_summaries', {
  namespace: column.key({ primary: true }),
  jobId: column.key({ name: 'job_id', primary: true }),
  createIndex: column.logIndex('create_index'),
  modifyIndex: column.logIndex('modify_index'),
  // json, not jsonb: served as written (the jobs list splices this text into each stub).
  summary: column.json<JobSummary>(),
  allocs: column.jsonb<JobSummaryRow['allocs']>(),
  lastIndex: column.logIndex('last_index'),
});

export const JobSummaryEntity = JOB_SUMMARIES_TABLE.entity;
