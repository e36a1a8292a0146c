import type { Job } from '@caravan/nomad-api';
import { isParameterized, isPeriodic } from './job-evaluation';

export type JobStatus = 'pending' | 'running' | 'dead';

/**
 * What a job's status depends on beyond the job itself. Read models keep these counts as the
 * evaluation, allocation and deployment events arrive.
 */
export interface JobStatusInputs {
  /** evaluations of this job that are pending or blocked */
  nonTerminalEvals: number;
  /** evaluations of this job that are complete, failed or canceled */
  terminalEvals: number;
  /** allocations whose desired status is run and client status is not complete/failed/lost */
  nonTerminalAllocs: number;
  nonTerminalDeployments: number;
}

export const NO_STATUS_INPUTS: JobStatusInputs = {
  nonTerminalEvals: 0,
  terminalEvals: 0,
  nonTerminalAllocs: 0,
  nonTerminalDeployments: 0,
};

type StatusFields = Pick<Job, 'Type' | 'Stop' | 'Periodic' | 'ParameterizedJob' | 'Dispatched'>;

/** Nomad's getJobStatus (nomad-api-semantics.md §6), first match wins. */
export function deriveJobStatus(job: StatusFields, inputs: JobStatusInputs): JobStatus {
  if (job.Type === 'system' || isPeriodic(job) || isParameterized(job))
    return job.Stop ? 'dead' : 'running';
  if (inputs.nonTerminalDeployments > 0) return 'running';
  if (inputs.nonTerminalAllocs > 0) return 'running';
  if (inputs.nonTerminalEvals > 0) return 'pending';
  if (inputs.terminalEvals > 0 || job.Stop) return 'dead';
  return 'pending';
}
