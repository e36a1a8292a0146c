import type { QueryResult } from '../blocking/blocking-query';

export const JOBS_READ_REPOSITORY = Symbol('JOBS_READ_REPOSITORY');

/** Nomad's job list index is max(jobs, job_summary) (nomad-api-semantics.md §11). */
export const JOB_LIST_TABLES: readonly string[] = ['rm_jobs', 'rm_job_summaries'];

export interface ListJobsQuery {
  namespace: string;
  prefix: string;
}

/**
 * Reads for `GET /v1/jobs`. The index must come from the same snapshot as the rows, so a
 * client never receives data older than the index it is told (it would then miss a change).
 */
export interface JobsReadRepository {
  listJobs(query: ListJobsQuery): Promise<QueryResult<unknown[]>>;
}
