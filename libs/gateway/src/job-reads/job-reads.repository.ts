import type { Job, JobSummary } from '@caravan/nomad-api';
import type { QueryResult } from '../blocking/blocking-query';
import type { JobListPage, ListJobsQuery } from './pg-job-list';

export type { JobListPage, ListJobsQuery } from './pg-job-list';

export const JOB_READS_REPOSITORY = Symbol('JOB_READS_REPOSITORY');

/** Read-model tables each endpoint blocks on (nomad-api-semantics.md §11). */
export const JOB_TABLES = {
  job: ['rm_jobs'],
  list: ['rm_jobs', 'rm_job_summaries'],
  versions: ['rm_job_versions'],
  summary: ['rm_job_summaries'],
  evaluations: ['rm_evaluations'],
  /**
   * Deployments have no read model yet: their index is the highest table
   * index of any read model, so they block on all of them.
   */
  global: [
    'rm_jobs',
    'rm_job_versions',
    'rm_job_summaries',
    'rm_evaluations',
    'rm_nodes',
    'rm_allocations',
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * Reads for the job endpoints. Every method reads the rows and the index it reports in one
 * statement (one snapshot), so an index never runs ahead of the data it comes with.
 */
export interface JobReadsRepository {
  readJob(namespace: string, jobId: string): Promise<QueryResult<Job | null>>;
  listVersions(namespace: string, jobId: string): Promise<QueryResult<Job[]>>;
  readSummary(namespace: string, jobId: string): Promise<QueryResult<JobSummary | null>>;
  listEvaluations(namespace: string, jobId: string): Promise<QueryResult<unknown[]>>;
  /** A page of GET /v1/jobs in keyset order (pg-job-list.ts); `tables` of the query are ignored */
  listJobs(query: ListJobsQuery): Promise<QueryResult<JobListPage>>;
  /** The highest table index of any read model (1 on an empty cluster). */
  globalIndex(): Promise<number>;
}
