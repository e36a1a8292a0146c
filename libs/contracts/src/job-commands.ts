import type { Job } from '@caravan/nomad-api';

// Wire payloads of the job commands (gateway -> registry). The gateway has already decoded,
// canonicalized and shape-validated; the registry adds time and ids and decides.

export interface JobSubmissionPayload {
  Source: string;
  Format: string;
  VariableFlags: Record<string, string> | null;
  Variables: string;
}

export interface RegisterJobPayload {
  job: Job;
  enforceIndex: boolean;
  jobModifyIndex: number;
  preserveCounts: boolean;
  evalPriority: number;
  submission: JobSubmissionPayload | null;
}

export interface DeregisterJobPayload {
  namespace: string;
  jobId: string;
  purge: boolean;
  evalPriority: number;
}

export interface RevertJobPayload {
  namespace: string;
  jobId: string;
  jobVersion: number;
  enforcePriorVersion: number | null;
}

export interface SetJobStabilityPayload {
  namespace: string;
  jobId: string;
  jobVersion: number;
  stable: boolean;
}

export interface EvaluateJobPayload {
  namespace: string;
  jobId: string;
  forceReschedule: boolean;
}

/** What a job write answers besides its index (Nomad's JobRegisterResponse and friends). */
export interface JobWriteResult {
  EvalID: string;
  EvalCreateIndex: number;
  JobModifyIndex: number;
}

export type JobCommandType =
  'RegisterJob' | 'DeregisterJob' | 'RevertJob' | 'SetJobStability' | 'EvaluateJob';

/**
 * `POST /v1/allocation/:id/stop`: the gateway names the allocation's job (from the read
 * model); the registry checks it against the allocation's stream.
 */
export interface StopAllocationPayload {
  namespace: string;
  jobId: string;
  allocId: string;
}

/** Nomad's AllocStopResponse, minus the index (the command result carries it). */
export interface StopAllocationResult {
  EvalID: string;
}

/** Registry commands that are not job commands. */
export type AllocationCommandType = 'StopAllocation';
