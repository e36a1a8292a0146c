import type { Job, JobListStub } from '@caravan/nomad-api';
import type { JobStatus, JobStatusInputs } from '@caravan/domain/jobs';
import type { ProjectedRow } from '../projection/projection.types';

/** One row of `rm_jobs`: the columns the Jobs API filters and sorts on, plus the full job. */
export interface JobRow extends ProjectedRow {
  namespace: string;
  id: string;
  name: string;
  type: string;
  status: JobStatus;
  priority: number;
  stop: boolean;
  version: number;
  createIndex: number;
  modifyIndex: number;
  jobModifyIndex: number;
  /** int64 nanoseconds since the epoch, exact */
  submitTime: bigint;
  /** Nomad's job JSON (GET /v1/job/:id) with Status, Stable and the indexes equal to the columns */
  job: Job;
  /**
   * Nomad's list stub of `job` (GET /v1/jobs), precomputed so a list never reads the job
   * document: JobSummary null (the list joins rm_job_summaries), no Meta (added on ?meta=true)
   */
  stub: JobListStub;
  /** what the status is derived from, kept as events arrive */
  statusInputs: JobStatusInputs;
  /** ids of the allocations counted in statusInputs.nonTerminalAllocs (to count each once) */
  liveAllocs: string[];
}
