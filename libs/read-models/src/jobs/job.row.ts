import type { ProjectedRow } from '../projection/projection.types';
import type { NomadJobJson } from './job.events';

/** One row of `rm_jobs`: the columns the Jobs API filters and sorts on, plus the full job. */
export interface JobRow extends ProjectedRow {
  namespace: string;
  id: string;
  name: string;
  type: string;
  /** pending | running | dead (Nomad's job status) */
  status: string;
  priority: number;
  stop: boolean;
  version: number;
  createIndex: number;
  modifyIndex: number;
  jobModifyIndex: number;
  /** int64 nanoseconds since the epoch, exact */
  submitTime: bigint;
  /** Nomad's job JSON with Status, Stop and the three indexes kept equal to the columns */
  job: NomadJobJson;
}
