import type { ProjectedRow } from '../projection/projection.types';
import type { NomadAllocation } from './allocation.json';

/** One row of `rm_allocations`: the columns lists filter on, plus Nomad's Allocation JSON. */
export interface AllocationRow extends ProjectedRow {
  id: string;
  namespace: string;
  jobId: string;
  nodeId: string;
  evalId: string;
  clientStatus: string;
  desiredStatus: string;
  /** the job version the allocation runs (joined with rm_job_versions to serve `Job`) */
  jobVersion: number;
  createIndex: number;
  modifyIndex: number;
  /** Nomad's Allocation without `Job` (null here; the gateway joins it in) */
  allocation: NomadAllocation;
}
