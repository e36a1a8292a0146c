import type { Job } from '@caravan/nomad-api';
import type { JobSubmission } from '@caravan/domain/jobs';
import type { ProjectedRow } from '../projection/projection.types';

/** One row of `rm_job_versions`: one tracked version of a job (GET /v1/job/:id/versions). */
export interface JobVersionRow extends ProjectedRow {
  namespace: string;
  jobId: string;
  version: number;
  stable: boolean;
  /** the version's ModifyIndex: the versions endpoint answers with the largest */
  modifyIndex: number;
  /** Nomad's job JSON at that version */
  job: Job;
  /** the source the version was submitted with (GET /v1/job/:id/submission) */
  submission: JobSubmission | null;
}
