import type { Job } from '@caravan/nomad-api';
import type { ComparableResources } from './node';

// An allocation as the scheduler sees it. Times are Unix milliseconds (the pure scheduler never
// needs nanosecond precision; the worker converts Nomad's int64 nanoseconds at its edge).

export type DesiredStatus = 'run' | 'stop' | 'evict';
export type ClientStatus = 'pending' | 'running' | 'complete' | 'failed' | 'lost' | 'unknown';

export interface AssignedPort {
  label: string;
  value: number;
  /** container-side port; -1 in the spec means "same as value" and is resolved here */
  to: number;
  hostNetwork: string;
}

export interface AllocatedResources extends ComparableResources {
  ports: readonly AssignedPort[];
  /** per-task CPU and memory, as Nomad's AllocatedResources.Tasks */
  tasks: Readonly<Record<string, { cpuMhz: number; memoryMb: number }>>;
}

export interface RescheduleEvent {
  rescheduleTime: number;
  prevAllocId: string;
  prevNodeId: string;
  /** the delay (ms) that was applied before this reschedule */
  delayMs: number;
}

export interface RescheduleTracker {
  events: readonly RescheduleEvent[];
  /** '' until known; 'no placement' means the last replacement could not be placed */
  lastReschedule: '' | 'ok' | 'no placement';
}

export interface DesiredTransition {
  migrate?: boolean;
  reschedule?: boolean;
  forceReschedule?: boolean;
  migrateDisablePlacement?: boolean;
}

export interface SchedulerAllocation {
  id: string;
  namespace: string;
  evalId: string;
  /** `<job>.<group>[<index>]` */
  name: string;
  jobId: string;
  /** the job version this allocation runs (Nomad keeps the whole job on the alloc) */
  job: Job;
  taskGroup: string;
  nodeId: string;
  nodeName: string;
  desiredStatus: DesiredStatus;
  desiredDescription: string;
  desiredTransition: DesiredTransition;
  clientStatus: ClientStatus;
  resources: AllocatedResources;
  rescheduleTracker: RescheduleTracker | null;
  previousAllocation: string;
  nextAllocation: string;
  followupEvalId: string;
  deploymentId: string;
  createTime: number;
  modifyTime: number;
  /** latest task FinishedAt, or 0; Nomad's fail time falls back to modifyTime */
  finishedAt: number;
}

export function clientTerminal(a: SchedulerAllocation): boolean {
  return a.clientStatus === 'complete' || a.clientStatus === 'failed' || a.clientStatus === 'lost';
}

export function serverTerminal(a: SchedulerAllocation): boolean {
  return a.desiredStatus === 'stop' || a.desiredStatus === 'evict';
}

export function terminal(a: SchedulerAllocation): boolean {
  return clientTerminal(a) || serverTerminal(a);
}
