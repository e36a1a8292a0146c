// GET /v1/jobs stubs and GET /v1/job/:id/summary.
import type { Multiregion } from './job.types';
import type { Nanos, StringMap } from './wire.types';

export interface TaskGroupSummary {
  Queued: number;
  Complete: number;
  Failed: number;
  Running: number;
  Starting: number;
  Lost: number;
  Unknown: number;
}

export interface JobChildrenSummary {
  Pending: number;
  Running: number;
  Dead: number;
}

export interface JobSummary {
  JobID: string;
  Namespace: string;
  Summary: Record<string, TaskGroupSummary>;
  /** Always present, even for jobs that never have children. */
  Children: JobChildrenSummary;
  CreateIndex: number;
  ModifyIndex: number;
}

export interface JobListStub {
  ID: string;
  ParentID: string;
  Name: string;
  Namespace: string;
  Datacenters: string[] | null;
  NodePool: string;
  Multiregion: Multiregion | null;
  Type: string;
  Priority: number;
  /** True whenever a Periodic block exists, even if disabled. */
  Periodic: boolean;
  /** True only for parameterized parents, not their dispatched children. */
  ParameterizedJob: boolean;
  Stop: boolean;
  Status: string;
  StatusDescription: string;
  JobSummary: JobSummary | null;
  CreateIndex: number;
  ModifyIndex: number;
  JobModifyIndex: number;
  SubmitTime: Nanos;
  /** Present only with `?meta=true` and a non-empty map. */
  Meta?: StringMap;
}
