import type { JobSummary } from '@caravan/nomad-api';
import type { ProjectedRow } from '../projection/projection.types';
import type { CountedAlloc } from './summary-counts';

/** One row of `rm_job_summaries`: Nomad's JobSummary (GET /v1/job/:id/summary) per job. */
export interface JobSummaryRow extends ProjectedRow {
  namespace: string;
  jobId: string;
  createIndex: number;
  modifyIndex: number;
  summary: JobSummary;
  /** each counted allocation's group and last client status, to move it between buckets */
  allocs: Record<string, CountedAlloc>;
}
