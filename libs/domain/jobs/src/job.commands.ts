import type { Job } from '@caravan/nomad-api';
import type { JobSubmission } from './job.events';

// Commands carry their time (`now`, Unix ns) and the ids of what they create (`evalId`), so
// deciding stays pure. `actor` is the ACL token accessor, for event metadata.

interface CommandMeta {
  now: bigint;
  actor: string;
}

export interface RegisterJob extends CommandMeta {
  type: 'RegisterJob';
  /** canonicalized and validated (shape rules) by the gateway */
  job: Job;
  enforceIndex: boolean;
  jobModifyIndex: number;
  preserveCounts: boolean;
  /** 0 or absent: the job's priority */
  evalPriority?: number;
  submission?: JobSubmission | null;
  evalId: string;
}

export interface DeregisterJob extends CommandMeta {
  type: 'DeregisterJob';
  namespace: string;
  jobId: string;
  purge: boolean;
  evalPriority?: number;
  evalId: string;
}

export interface RevertJob extends CommandMeta {
  type: 'RevertJob';
  namespace: string;
  jobId: string;
  jobVersion: number;
  enforcePriorVersion?: number | null;
  evalId: string;
}

export interface SetJobStability extends CommandMeta {
  type: 'SetJobStability';
  namespace: string;
  jobId: string;
  jobVersion: number;
  stable: boolean;
}

export interface EvaluateJob extends CommandMeta {
  type: 'EvaluateJob';
  namespace: string;
  jobId: string;
  forceReschedule: boolean;
  evalId: string;
}

export type JobCommand = RegisterJob | DeregisterJob | RevertJob | SetJobStability | EvaluateJob;
