import type { JobSummary } from '@caravan/nomad-api';
import type { ProjectedRow } from '../projection/projection.types';

/** One row of `rm_job_summaries`: Nomad's JobSummary (GET /v1/job/:id/summary) per job. */
export interface JobSummaryRow extends ProjectedRow {
  namespace: string;
  jobId: string;
  createIndex: number;
  modifyIndex: number;
  summary: JobSummary;
}
